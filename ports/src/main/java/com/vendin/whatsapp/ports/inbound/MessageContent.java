package com.vendin.whatsapp.ports.inbound;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a message says: its CONTRACT §3 {@code type}, the text (text, caption, button or reply title;
 * empty when none) and the type-specific details as a JSON object text, forwarded to the tenant under
 * a key named after the type.
 */
public record MessageContent(String type, String text, Optional<String> detailsJson) {
    public static final Set<String> TYPES = Set.of(
            "text",
            "image",
            "audio",
            "video",
            "document",
            "sticker",
            "location",
            "contacts",
            "interactive",
            "button",
            "reaction",
            "unsupported");

    public MessageContent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(detailsJson, "detailsJson");
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("not a message type of CONTRACT §3: " + type);
        }
    }

    public static MessageContent text(String body) {
        return new MessageContent("text", body, Optional.empty());
    }
}
