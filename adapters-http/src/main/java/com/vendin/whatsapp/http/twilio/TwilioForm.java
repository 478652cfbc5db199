package com.vendin.whatsapp.http.twilio;

import com.vendin.whatsapp.ports.common.GatewayRejection;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The fields of an {@code application/x-www-form-urlencoded} Twilio body, decoded as UTF-8, in arrival order. */
final class TwilioForm {
    private final Map<String, List<String>> fields;

    private TwilioForm(Map<String, List<String>> fields) {
        this.fields = Collections.unmodifiableMap(fields);
    }

    /** Decodes {@code body}; a {@code INVALID / invalid_form} rejection when it is not form-encoded text. */
    static TwilioForm parse(byte[] body) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return new TwilioForm(fields);
        }
        try {
            for (String pair : text.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        } catch (IllegalArgumentException e) {
            throw GatewayRejection.invalid("invalid_form", "The body is not form-encoded.");
        }
        return new TwilioForm(fields);
    }

    static TwilioForm of(Map<String, List<String>> fields) {
        return new TwilioForm(new LinkedHashMap<>(fields));
    }

    Map<String, List<String>> fields() {
        return fields;
    }

    /** The field's first value when present and not blank. */
    Optional<String> get(String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank()
                ? Optional.empty()
                : Optional.of(values.get(0));
    }

    /** The field's first value, or empty text. */
    String text(String name) {
        return get(name).orElse("");
    }

    boolean has(String name) {
        return get(name).isPresent();
    }
}
