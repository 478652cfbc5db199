package com.vendin.whatsapp.tenant;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The body a tenant answers the gateway's call with (docs/CONTRACT.md §3 and §3.1): {@code {"text":"..."}},
 * nothing ({@code {}}: no reply), or {@code {"messages":[...]}} with up to 10 items sent in order. The same
 * items are the {@code messages} of the send API (§3.2, {@link GatewayClient}).
 *
 * <pre>{@code
 * Reply.text("Temos sim!")
 * Reply.messages().text("Temos sim!").image(URI.create("https://cdn.example/azul.jpg"), "Camiseta azul")
 *      .buttons("Qual tamanho?", Reply.button("p", "P"), Reply.button("m", "M")).build()
 * }</pre>
 */
public final class Reply {
    /** At most this many items in one {@code messages} answer (§3.1). */
    public static final int MAX_ITEMS = 10;

    private static final Set<String> MEDIA_TYPES = Set.of("image", "video", "audio", "document", "sticker");

    private final Map<String, Object> body;

    private Reply(Map<String, Object> body) {
        this.body = Collections.unmodifiableMap(body);
    }

    /** {@code {"text": text}}: the seed's one-text answer. */
    public static Reply text(String text) {
        Objects.requireNonNull(text, "text");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text);
        return new Reply(body);
    }

    /** {@code {}}: no reply (also right for an agent that answers later through the send API). */
    public static Reply none() {
        return new Reply(new LinkedHashMap<>());
    }

    /** A builder of {@code {"messages":[...]}}. */
    public static Builder messages() {
        return new Builder();
    }

    /** A reply button of a {@code buttons} item. */
    public static Map<String, Object> button(String id, String title) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        return object("id", id, "title", title);
    }

    /** A row of a {@code list} section; {@code description} may be null. */
    public static Map<String, Object> row(String id, String title, String description) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        return object("id", id, "title", title, "description", description);
    }

    /** A section of a {@code list} item. */
    @SafeVarargs
    public static Map<String, Object> section(String title, Map<String, Object>... rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("a section needs at least one row");
        }
        return object("title", title, "rows", List.of(rows));
    }

    /** The answer as JSON. */
    public String toJson() {
        return Json.write(body);
    }

    /** The answer as UTF-8 bytes (what the tenant writes as its response body). */
    public byte[] bytes() {
        return toJson().getBytes(StandardCharsets.UTF_8);
    }

    /** The {@code messages} items (for {@code {"text"}}: one text item; none for no reply). */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> items() {
        if (body.get("messages") instanceof List<?> list) {
            return (List<Map<String, Object>>) list;
        }
        if (body.get("text") instanceof String text) {
            return List.of(object("type", "text", "text", text));
        }
        return List.of();
    }

    @Override
    public String toString() {
        return toJson();
    }

    /** Builds {@code {"messages":[...]}}, item by item, in sending order. */
    public static final class Builder {
        private final List<Map<String, Object>> items = new ArrayList<>();

        private Builder() {}

        public Builder text(String text) {
            return add(object("type", "text", "text", Objects.requireNonNull(text, "text")));
        }

        public Builder image(URI url, String caption) {
            return media("image", url, caption, null);
        }

        public Builder document(URI url, String filename, String caption) {
            return media("document", url, caption, filename);
        }

        /**
         * A media item: {@code type} is {@code image}, {@code video}, {@code audio}, {@code document} or
         * {@code sticker}; the gateway fetches {@code url} and uploads it to the provider. {@code caption}
         * and {@code filename} may be null.
         */
        public Builder media(String type, URI url, String caption, String filename) {
            if (!MEDIA_TYPES.contains(type)) {
                throw new IllegalArgumentException("not a media type: " + type);
            }
            Objects.requireNonNull(url, "url");
            return add(object("type", type, "url", url.toString(), "caption", caption, "filename", filename));
        }

        /** A text with 1 to 3 reply buttons ({@link Reply#button}). */
        @SafeVarargs
        public final Builder buttons(String text, Map<String, Object>... buttons) {
            if (buttons.length < 1 || buttons.length > 3) {
                throw new IllegalArgumentException("a buttons item has 1 to 3 buttons, not " + buttons.length);
            }
            return add(object("type", "buttons", "text", text, "buttons", List.of(buttons)));
        }

        /** A list message: {@code button} opens it; sections of rows ({@link Reply#section}, {@link Reply#row}). */
        @SafeVarargs
        public final Builder list(String text, String button, Map<String, Object>... sections) {
            if (sections.length == 0) {
                throw new IllegalArgumentException("a list needs at least one section");
            }
            return add(object("type", "list", "text", text, "button", button, "sections", List.of(sections)));
        }

        /** A Meta template; {@code components} (Graph API template components) may be null. */
        public Builder metaTemplate(String name, String language, List<Map<String, Object>> components) {
            return add(object("type", "template", "name", name, "language", language, "components", components));
        }

        /** A Twilio content template; {@code contentVariables} may be null. */
        public Builder twilioTemplate(String contentSid, Map<String, String> contentVariables) {
            return add(object("type", "template", "contentSid", contentSid, "contentVariables", contentVariables));
        }

        /** A reaction ({@code emoji}) to the message {@code messageId}. */
        public Builder reaction(String messageId, String emoji) {
            return add(object("type", "reaction", "messageId", messageId, "emoji", emoji));
        }

        public Reply build() {
            if (items.isEmpty()) {
                throw new IllegalStateException("no items: use Reply.none() for no reply");
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("messages", List.copyOf(items));
            return new Reply(body);
        }

        private Builder add(Map<String, Object> item) {
            if (items.size() == MAX_ITEMS) {
                throw new IllegalStateException("at most " + MAX_ITEMS + " items in one reply");
            }
            items.add(item);
            return this;
        }
    }

    /** An ordered object of name/value pairs, leaving out null values. */
    private static Map<String, Object> object(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                map.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return Collections.unmodifiableMap(map);
    }
}
