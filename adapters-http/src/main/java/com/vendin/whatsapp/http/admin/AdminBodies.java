package com.vendin.whatsapp.http.admin;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.vendin.whatsapp.http.common.BoundedBody;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * Reads admin request bodies strictly: bounded in size, JSON objects only, unknown fields rejected with
 * their name, wrong types rejected; every failure is a 400 rejection, never a 500.
 */
final class AdminBodies {
    static final long MAX_BYTES = 64 * 1024;

    private final ObjectMapper mapper;

    AdminBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The body as a JSON object tree. */
    JsonNode readObject(Context ctx) {
        return parseObject(BoundedBody.read(ctx, MAX_BYTES));
    }

    /** The JSON object bound to {@code type}. */
    <T> T bind(JsonNode node, Class<T> type) {
        try {
            return mapper.treeToValue(node, type);
        } catch (UnrecognizedPropertyException e) {
            throw GatewayRejection.invalid("unknown_field", "Unknown field: " + fieldPath(e) + ".");
        } catch (StreamReadException e) {
            throw GatewayRejection.invalid("invalid_json", "The body is not valid JSON.");
        } catch (JsonMappingException e) {
            throw GatewayRejection.invalid("invalid_request", "Field " + fieldPath(e) + " has the wrong type.");
        } catch (JacksonException e) {
            throw GatewayRejection.invalid("invalid_request", "The body could not be read.");
        }
    }

    /** For a POST that takes no input: an empty body or {@code {}}; any field is unknown. */
    void requireNoInput(Context ctx) {
        byte[] bytes = BoundedBody.read(ctx, MAX_BYTES);
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            return;
        }
        JsonNode node = parseObject(bytes);
        if (node.size() > 0) {
            throw GatewayRejection.invalid(
                    "unknown_field", "Unknown field: " + node.fieldNames().next() + ".");
        }
    }

    /** {@code bytes} (a body already read) as a JSON object tree. */
    JsonNode parseObject(byte[] bytes) {
        JsonNode node;
        try {
            node = mapper.readTree(bytes);
        } catch (IOException e) {
            throw GatewayRejection.invalid("invalid_json", "The body is not valid JSON.");
        }
        if (node == null || node.isMissingNode()) {
            throw GatewayRejection.invalid("invalid_json", "The body is empty; a JSON object is required.");
        }
        if (!node.isObject()) {
            throw GatewayRejection.invalid("invalid_request", "The body must be a JSON object.");
        }
        return node;
    }

    private static String fieldPath(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "(body)" : path;
    }
}
