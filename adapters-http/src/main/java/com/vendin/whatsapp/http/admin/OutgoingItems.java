package com.vendin.whatsapp.http.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.delivery.TemplateMessage;
import com.vendin.whatsapp.ports.send.OutgoingItem;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses the {@code messages} array of a tenant-initiated send (CONTRACT §3.2, items as §3.1). Self-contained on
 * purpose: it takes {@code text} and {@code template} items (Meta {@code name}/{@code language}/{@code components},
 * Twilio {@code contentSid}/{@code contentVariables}); the other §3.1 types are refused with
 * {@code unsupported_message_type} until the shared rich-reply parser takes this class's place. Every problem is
 * a 400 naming the item.
 */
final class OutgoingItems {
    static final int MAX_ITEMS = 10;
    private static final Set<String> RICH_TYPES = Set.of("image", "video", "audio", "document", "sticker", "buttons",
            "list", "reaction");
    private static final Set<String> TEXT_FIELDS = Set.of("type", "text");
    private static final Set<String> META_FIELDS = Set.of("type", "name", "language", "components");
    private static final Set<String> TWILIO_FIELDS = Set.of("type", "contentSid", "contentVariables");
    private static final Pattern TEMPLATE_NAME = Pattern.compile("[a-z0-9_]{1,512}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(_[A-Za-z0-9]{2,4})?");
    private static final Pattern CONTENT_SID = Pattern.compile("HX[0-9a-fA-F]{32}");

    private final ObjectMapper mapper;

    OutgoingItems(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    List<OutgoingItem> parse(JsonNode messages) {
        if (messages == null || messages.isNull()) {
            throw GatewayRejection.invalid("invalid_request", "Field messages is required.");
        }
        if (!messages.isArray() || messages.isEmpty() || messages.size() > MAX_ITEMS) {
            throw GatewayRejection.invalid("invalid_message", "messages must be an array of 1 to " + MAX_ITEMS + " items.");
        }
        List<OutgoingItem> items = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            items.add(item(messages.get(i), "messages[" + i + "]"));
        }
        return items;
    }

    private OutgoingItem item(JsonNode node, String where) {
        if (!node.isObject()) {
            throw invalid(where + " must be an object.");
        }
        String type = node.path("type").isTextual() ? node.get("type").asText() : "";
        if (type.equals("text")) {
            onlyFields(node, TEXT_FIELDS, where);
            return new OutgoingItem.Text(requiredText(node, "text", where));
        }
        if (type.equals("template")) {
            return new OutgoingItem.Template(node.has("contentSid") ? twilio(node, where) : meta(node, where));
        }
        if (RICH_TYPES.contains(type)) {
            throw GatewayRejection.invalid("unsupported_message_type", where + ": type " + type
                    + " is not supported on this endpoint yet; send text or template items.");
        }
        throw invalid(where + ".type must be text or template.");
    }

    private TemplateMessage meta(JsonNode node, String where) {
        onlyFields(node, META_FIELDS, where);
        String name = requiredText(node, "name", where);
        if (!TEMPLATE_NAME.matcher(name).matches()) {
            throw invalid(where + ".name must be a template name (lowercase letters, digits and _).");
        }
        JsonNode language = node.get("language");
        String code = language != null && language.isObject() ? language.path("code").asText("") : text(language);
        if (!LANGUAGE.matcher(code).matches()) {
            throw invalid(where + ".language must be a language code such as pt_BR or en.");
        }
        JsonNode components = node.get("components");
        if (components != null && !components.isNull()) {
            if (!components.isArray() || !allObjects(components)) {
                throw invalid(where + ".components must be an array of objects.");
            }
            return new TemplateMessage.Meta(name, code, Optional.of(compact(components)));
        }
        return new TemplateMessage.Meta(name, code, Optional.empty());
    }

    private TemplateMessage twilio(JsonNode node, String where) {
        onlyFields(node, TWILIO_FIELDS, where);
        String sid = requiredText(node, "contentSid", where);
        if (!CONTENT_SID.matcher(sid).matches()) {
            throw invalid(where + ".contentSid must be a Twilio content SID (HX followed by 32 hex digits).");
        }
        JsonNode variables = node.get("contentVariables");
        if (variables == null || variables.isNull()) {
            return new TemplateMessage.Twilio(sid, Optional.empty());
        }
        JsonNode object = variables.isTextual() ? readJson(variables.asText(), where) : variables;
        if (!object.isObject() || !allScalars(object)) {
            throw invalid(where + ".contentVariables must be an object of strings, such as {\"1\":\"Ana\"}.");
        }
        return new TemplateMessage.Twilio(sid, Optional.of(compact(object)));
    }

    private static void onlyFields(JsonNode node, Set<String> allowed, String where) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw GatewayRejection.invalid("unknown_field", "Unknown field: " + where + "." + name + ".");
            }
        }
    }

    private static String requiredText(JsonNode node, String field, String where) {
        String value = text(node.get(field));
        if (value.isBlank()) {
            throw invalid(where + "." + field + " must be a non-empty string.");
        }
        return value;
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : "";
    }

    private static boolean allObjects(JsonNode array) {
        for (JsonNode element : array) {
            if (!element.isObject()) {
                return false;
            }
        }
        return true;
    }

    private static boolean allScalars(JsonNode object) {
        for (JsonNode value : object) {
            if (!value.isTextual() && !value.isNumber()) {
                return false;
            }
        }
        return true;
    }

    private JsonNode readJson(String json, String where) {
        try {
            JsonNode node = mapper.readTree(json);
            return node == null ? mapper.missingNode() : node;
        } catch (JsonProcessingException e) {
            throw invalid(where + ".contentVariables is not JSON.");
        }
    }

    private String compact(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private static GatewayRejection invalid(String message) {
        return GatewayRejection.invalid("invalid_message", message);
    }
}
