package com.vendin.whatsapp.app.config;

import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Reads typed values from environment variables, collecting every problem instead of stopping at the first. */
final class Env {
    private final Map<String, String> values;
    private final List<String> problems = new ArrayList<>();

    Env(Map<String, String> values) {
        this.values = values;
    }

    Optional<String> string(String name) {
        String v = values.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    String string(String name, String fallback) {
        return string(name).orElse(fallback);
    }

    Optional<Secret> secret(String name) {
        return string(name).map(Secret::new);
    }

    int integer(String name, int fallback, int min, int max) {
        return string(name)
                .map(v -> parse(
                        name,
                        v,
                        s -> {
                            int n = Integer.parseInt(s);
                            if (n < min || n > max) {
                                throw new IllegalArgumentException();
                            }
                            return n;
                        },
                        "a whole number from " + min + " to " + max))
                .orElse(fallback);
    }

    /** A whole number from {@code min} to {@code max}, or empty when the variable is unset. */
    Optional<Integer> optionalInteger(String name, int min, int max) {
        return string(name).isEmpty() ? Optional.empty() : Optional.of(integer(name, min, min, max));
    }

    /** {@code true} or {@code false} (any case). */
    boolean bool(String name, boolean fallback) {
        return string(name)
                .map(v -> parse(
                        name,
                        v,
                        s -> {
                            if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
                                return Boolean.parseBoolean(s.toLowerCase(java.util.Locale.ROOT));
                            }
                            throw new IllegalArgumentException();
                        },
                        "true or false"))
                .orElse(fallback);
    }

    Optional<URI> url(String name, String... schemes) {
        return string(name)
                .map(v -> parse(
                        name,
                        v,
                        s -> {
                            URI uri = new URI(s);
                            if (uri.getHost() == null || !List.of(schemes).contains(String.valueOf(uri.getScheme()))) {
                                throw new URISyntaxException(s, "scheme or host");
                            }
                            return uri;
                        },
                        "a URL starting with " + String.join(" or ", schemes) + "://"));
    }

    /** A strict E.164 number; a {@code whatsapp:} prefix is tolerated for Twilio-style values. */
    Optional<PhoneNumber> phone(String name) {
        return string(name)
                .map(v -> parse(
                        name,
                        v,
                        s -> new PhoneNumber(s.startsWith("whatsapp:") ? s.substring("whatsapp:".length()) : s),
                        "an E.164 phone number such as +5511999991111"));
    }

    <T> T parse(String name, String raw, ThrowingParser<T> parser, String expected) {
        try {
            return parser.parse(raw);
        } catch (Exception e) {
            problems.add(name + " must be " + expected);
            return null;
        }
    }

    <T> Optional<T> choice(String name, Function<String, Optional<T>> lookup, String expected) {
        return string(name).map(v -> {
            Optional<T> found = lookup.apply(v);
            if (found.isEmpty()) {
                problems.add(name + " must be " + expected);
            }
            return found.orElse(null);
        });
    }

    void problem(String text) {
        problems.add(text);
    }

    List<String> problems() {
        return problems;
    }

    /** A parser that may throw. */
    interface ThrowingParser<T> {
        T parse(String raw) throws Exception;
    }
}
