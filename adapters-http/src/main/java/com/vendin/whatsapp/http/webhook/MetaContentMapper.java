package com.vendin.whatsapp.http.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vendin.whatsapp.ports.inbound.MessageContent;
import java.util.Optional;
import java.util.Set;

/** Maps one Meta {@code messages[]} item to its CONTRACT §3 {@link MessageContent}; an unknown type becomes {@code unsupported}. */
final class MetaContentMapper {
    private static final Set<String> MEDIA = Set.of("image", "video", "document", "audio", "sticker");

    private final ObjectMapper mapper;

    MetaContentMapper(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    MessageContent map(JsonNode item) {
        String type = Nodes.text(item, "type").orElse("unknown");
        if (MEDIA.contains(type)) {
            return media(type, item.path(type));
        }
        return switch (type) {
            case "text" ->
                MessageContent.text(Nodes.text(item.path("text"), "body").orElse(""));
            case "location" -> location(item.path("location"));
            case "contacts" -> contacts(item.get("contacts"));
            case "interactive" -> interactive(item.path("interactive"));
            case "button" -> button(item.path("button"));
            case "reaction" -> reaction(item.path("reaction"));
            default -> unsupported(type, item);
        };
    }

    private MessageContent media(String type, JsonNode media) {
        ObjectNode details = mapper.createObjectNode();
        Nodes.copy(details, "mediaId", media, "id");
        Nodes.copy(details, "mimeType", media, "mime_type");
        Nodes.copy(details, "sha256", media, "sha256");
        Nodes.copy(details, "caption", media, "caption");
        Nodes.copy(details, "filename", media, "filename");
        Nodes.copy(details, "voice", media, "voice");
        Nodes.copy(details, "animated", media, "animated");
        return content(type, Nodes.text(media, "caption").orElse(""), details);
    }

    private MessageContent location(JsonNode location) {
        ObjectNode details = mapper.createObjectNode();
        for (String field : new String[] {"latitude", "longitude", "name", "address", "url"}) {
            Nodes.copy(details, field, location, field);
        }
        return content("location", "", details);
    }

    private MessageContent contacts(JsonNode contacts) {
        ObjectNode details = mapper.createObjectNode();
        details.set(
                "contacts", contacts != null && contacts.isArray() ? contacts.deepCopy() : mapper.createArrayNode());
        return content("contacts", "", details);
    }

    private MessageContent interactive(JsonNode interactive) {
        ObjectNode details = mapper.createObjectNode();
        String replyType = Nodes.text(interactive, "type").orElse("unknown");
        JsonNode reply = interactive.path(replyType);
        details.put("type", replyType);
        Nodes.copy(details, "id", reply, "id");
        Nodes.copy(details, "title", reply, "title");
        Nodes.copy(details, "description", reply, "description");
        Nodes.copy(details, "body", reply, "body");
        Nodes.copy(details, "responseJson", reply, "response_json");
        return content("interactive", Nodes.text(reply, "title").orElse(""), details);
    }

    private MessageContent button(JsonNode button) {
        ObjectNode details = mapper.createObjectNode();
        Nodes.copy(details, "payload", button, "payload");
        Nodes.copy(details, "text", button, "text");
        return content("button", Nodes.text(button, "text").orElse(""), details);
    }

    private MessageContent reaction(JsonNode reaction) {
        ObjectNode details = mapper.createObjectNode();
        Nodes.copy(details, "messageId", reaction, "message_id");
        Nodes.copy(details, "emoji", reaction, "emoji");
        return content("reaction", "", details);
    }

    private MessageContent unsupported(String type, JsonNode item) {
        ObjectNode details = mapper.createObjectNode();
        details.put("originalType", type);
        JsonNode errors = item.get("errors");
        details.set("errors", errors != null && errors.isArray() ? errors.deepCopy() : mapper.createArrayNode());
        JsonNode original = item.get(type);
        if (original != null && original.isObject()) {
            details.set("original", original.deepCopy());
        }
        return content("unsupported", "", details);
    }

    private MessageContent content(String type, String text, ObjectNode details) {
        try {
            return new MessageContent(type, text, Optional.of(mapper.writeValueAsString(details)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise message details", e);
        }
    }
}
