package com.vendin.whatsapp.http.twilio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vendin.whatsapp.ports.inbound.MessageContent;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Maps the fields of a Twilio WhatsApp message to its CONTRACT §3 {@link MessageContent}: by
 * {@code MessageType} when Twilio names a type it knows, else from the fields present (coordinates,
 * media content type, button payload, body). Anything else is {@code unsupported} with what is known.
 */
final class TwilioContentMapper {
    private static final Set<String> MEDIA = Set.of("image", "audio", "video", "document", "sticker");
    private static final Set<String> VCARD = Set.of("text/vcard", "text/x-vcard", "text/directory");

    private final ObjectMapper mapper;

    TwilioContentMapper(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    MessageContent map(TwilioForm form) {
        String type = typeOf(form);
        if (MEDIA.contains(type)) {
            return media(type, form);
        }
        return switch (type) {
            case "text" -> MessageContent.text(form.text("Body"));
            case "location" -> location(form);
            case "contacts" -> contacts(form);
            case "interactive" -> interactive(form);
            case "button" -> button(form);
            case "reaction" -> reaction(form);
            default -> unsupported(form);
        };
    }

    private static String typeOf(TwilioForm form) {
        String declared =
                form.get("MessageType").map(t -> t.toLowerCase(Locale.ROOT)).orElse("");
        Optional<String> mime = form.get("MediaContentType0").map(t -> t.toLowerCase(Locale.ROOT));
        if (mime.filter(m -> VCARD.contains(m.split(";")[0].strip())).isPresent() || "contacts".equals(declared)) {
            return "contacts";
        }
        if (MEDIA.contains(declared)
                || Set.of("text", "location", "interactive", "button", "reaction")
                        .contains(declared)) {
            return declared;
        }
        if (!declared.isEmpty() && !"unknown".equals(declared)) {
            return "unsupported";
        }
        if (form.has("Latitude") && form.has("Longitude")) {
            return "location";
        }
        if (mime.isPresent()) {
            return mediaType(mime.get());
        }
        if (form.has("ListId") || form.has("InteractiveData")) {
            return "interactive";
        }
        if (form.has("ButtonPayload") || form.has("ButtonText")) {
            return "button";
        }
        return form.has("Body") && declared.isEmpty() ? "text" : "unsupported";
    }

    private static String mediaType(String mime) {
        if (mime.equals("image/webp")) {
            return "sticker";
        }
        for (String kind : new String[] {"image", "audio", "video"}) {
            if (mime.startsWith(kind + "/")) {
                return kind;
            }
        }
        return "document";
    }

    private MessageContent media(String type, TwilioForm form) {
        ObjectNode details = mapper.createObjectNode();
        form.get("MediaUrl0").ifPresent(url -> {
            details.put("mediaId", url.substring(url.lastIndexOf('/') + 1));
            details.put("mediaUrl", url);
        });
        form.get("MediaContentType0").ifPresent(mime -> details.put("mimeType", mime));
        form.get("Body").ifPresent(caption -> details.put("caption", caption));
        return content(type, form.text("Body"), details);
    }

    private MessageContent location(TwilioForm form) {
        ObjectNode details = mapper.createObjectNode();
        number(form, "Latitude").ifPresent(v -> details.put("latitude", v));
        number(form, "Longitude").ifPresent(v -> details.put("longitude", v));
        form.get("Label").ifPresent(v -> details.put("name", v));
        form.get("Address").ifPresent(v -> details.put("address", v));
        return content("location", "", details);
    }

    private MessageContent contacts(TwilioForm form) {
        ObjectNode details = mapper.createObjectNode();
        form.get("MediaUrl0").ifPresent(url -> details.put("vcardUrl", url));
        form.get("MediaContentType0").ifPresent(mime -> details.put("mimeType", mime));
        details.putArray("contacts");
        return content("contacts", form.text("Body"), details);
    }

    private MessageContent interactive(TwilioForm form) {
        ObjectNode details = mapper.createObjectNode();
        boolean list = form.has("ListId") || form.has("ListTitle");
        details.put(
                "type",
                list ? "list_reply" : form.has("ButtonPayload") || form.has("ButtonText") ? "button_reply" : "unknown");
        String title = list ? form.text("ListTitle") : form.get("ButtonText").orElse(form.text("Body"));
        (list ? form.get("ListId") : form.get("ButtonPayload")).ifPresent(id -> details.put("id", id));
        if (!title.isEmpty()) {
            details.put("title", title);
        }
        form.get("ListDescription").ifPresent(v -> details.put("description", v));
        form.get("InteractiveData").ifPresent(data -> details.set("data", json(data)));
        return content("interactive", title, details);
    }

    private MessageContent button(TwilioForm form) {
        ObjectNode details = mapper.createObjectNode();
        form.get("ButtonPayload").ifPresent(v -> details.put("payload", v));
        String text = form.get("ButtonText").orElse(form.text("Body"));
        if (!text.isEmpty()) {
            details.put("text", text);
        }
        form.get("ButtonType").ifPresent(v -> details.put("buttonType", v));
        return content("button", text, details);
    }

    private MessageContent reaction(TwilioForm form) {
        ObjectNode details = mapper.createObjectNode();
        form.get("OriginalRepliedMessageSid").ifPresent(v -> details.put("messageId", v));
        form.get("Body").ifPresent(v -> details.put("emoji", v));
        return content("reaction", "", details);
    }

    private MessageContent unsupported(TwilioForm form) {
        ObjectNode details = mapper.createObjectNode();
        details.put("originalType", form.get("MessageType").orElse("unknown"));
        ObjectNode fields = details.putObject("fields");
        form.fields().forEach((name, values) -> {
            if (!values.isEmpty() && !name.equals("AccountSid")) {
                fields.put(name, values.get(0));
            }
        });
        return content("unsupported", form.text("Body"), details);
    }

    private JsonNode json(String text) {
        try {
            JsonNode node = mapper.readTree(text);
            return node == null ? mapper.getNodeFactory().textNode(text) : node;
        } catch (JsonProcessingException e) {
            return mapper.getNodeFactory().textNode(text);
        }
    }

    private static Optional<Double> number(TwilioForm form, String name) {
        try {
            return form.get(name).map(Double::parseDouble);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private MessageContent content(String type, String text, ObjectNode details) {
        try {
            return new MessageContent(type, text, Optional.of(mapper.writeValueAsString(details)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise message details", e);
        }
    }
}
