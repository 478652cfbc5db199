package com.vendin.whatsapp.http.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/** Null-safe reading of provider JSON trees. */
final class Nodes {
    private Nodes() {}

    /** The field as text when it is a non-blank string or a number. */
    static Optional<String> text(JsonNode parent, String field) {
        JsonNode node = parent == null ? null : parent.get(field);
        if (node == null || !(node.isTextual() || node.isNumber())) {
            return Optional.empty();
        }
        String text = node.asText();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    /** The elements of an array field; empty when the field is missing or not an array. */
    static List<JsonNode> array(JsonNode parent, String field) {
        return elements(parent == null ? null : parent.get(field));
    }

    /** The elements of an array node; empty when it is null or not an array. */
    static List<JsonNode> elements(JsonNode node) {
        if (node == null || !node.isArray()) {
            return List.of();
        }
        return StreamSupport.stream(node.spliterator(), false).toList();
    }

    /** Copies {@code source.from} into {@code target.to} when it is present and not null. */
    static void copy(ObjectNode target, String to, JsonNode source, String from) {
        JsonNode value = source == null ? null : source.get(from);
        if (value != null && !value.isNull() && !value.isMissingNode()) {
            target.set(to, value.deepCopy());
        }
    }
}
