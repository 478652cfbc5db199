package com.vendin.whatsapp.whatsapp.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/** The module's one {@link ObjectMapper}, with explicit read limits, and lenient readers for provider replies. */
public final class ProviderJson {
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxDocumentLength(ProviderCall.MAX_BODY_BYTES)
                    .maxNestingDepth(32)
                    .maxStringLength(ProviderCall.MAX_BODY_BYTES)
                    .maxNumberLength(32)
                    .build())
            .build());

    private ProviderJson() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The reply body as a JSON object, or empty when it is cut, not JSON, or not an object. */
    public static Optional<JsonNode> object(ProviderCall.Reply reply) {
        if (!reply.complete()) {
            return Optional.empty();
        }
        try {
            JsonNode node = MAPPER.readTree(reply.body());
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** A numeric error code (JSON number or digits in a string) as text, or empty. */
    public static Optional<String> code(JsonNode node) {
        if (node.isIntegralNumber()) {
            return Optional.of(node.asText());
        }
        if (node.isTextual() && node.asText().matches("-?[0-9]{1,12}")) {
            return Optional.of(node.asText());
        }
        return Optional.empty();
    }

    /** A non-blank text field, or empty. */
    public static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
    }
}
