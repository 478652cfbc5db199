package com.vendin.whatsapp.persistence.message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vendin.whatsapp.ports.delivery.MediaKind;
import com.vendin.whatsapp.ports.delivery.OutboundContent;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Button;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Buttons;
import com.vendin.whatsapp.ports.delivery.OutboundContent.ListMessage;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Media;
import com.vendin.whatsapp.ports.delivery.OutboundContent.MetaTemplate;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Reaction;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Row;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Section;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Text;
import com.vendin.whatsapp.ports.delivery.OutboundContent.TwilioTemplate;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stores a reply part's content in {@code outbound_messages.content_type} and {@code content_json}: a text part
 * as NULL and NULL (its text column is all of it), any other item as its type and a JSON object of its fields.
 * Twilio templates are stored as type {@code twilio_template} to tell them from Meta's.
 */
public final class ContentCodec {
    static final String TWILIO_TEMPLATE = "twilio_template";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ContentCodec() {}

    /** The {@code content_type} of a part; null for text. */
    public static String type(OutboundContent content) {
        if (content instanceof Text) {
            return null;
        }
        return content instanceof TwilioTemplate ? TWILIO_TEMPLATE : content.type();
    }

    /** The {@code content_json} of a part; null for text. */
    public static String json(OutboundContent content) {
        ObjectNode node = JSON.createObjectNode();
        if (content instanceof Text) {
            return null;
        } else if (content instanceof Media media) {
            node.put("url", media.url().toString());
            media.caption().ifPresent(c -> node.put("caption", c));
            media.filename().ifPresent(f -> node.put("filename", f));
        } else if (content instanceof Buttons buttons) {
            node.put("text", buttons.text());
            ArrayNode list = node.putArray("buttons");
            buttons.buttons().forEach(b -> list.addObject().put("id", b.id()).put("title", b.title()));
        } else if (content instanceof ListMessage list) {
            node.put("text", list.text()).put("button", list.button());
            ArrayNode sections = node.putArray("sections");
            for (Section section : list.sections()) {
                ObjectNode s = sections.addObject();
                section.title().ifPresent(t -> s.put("title", t));
                ArrayNode rows = s.putArray("rows");
                for (Row row : section.rows()) {
                    ObjectNode r = rows.addObject().put("id", row.id()).put("title", row.title());
                    row.description().ifPresent(d -> r.put("description", d));
                }
            }
        } else if (content instanceof MetaTemplate template) {
            node.put("name", template.name()).put("language", template.language());
            template.componentsJson().ifPresent(c -> node.put("components", c));
        } else if (content instanceof TwilioTemplate template) {
            node.put("contentSid", template.contentSid());
            template.contentVariablesJson().ifPresent(v -> node.put("contentVariables", v));
        } else if (content instanceof Reaction reaction) {
            node.put("messageId", reaction.messageId()).put("emoji", reaction.emoji());
        }
        return node.toString();
    }

    /** The content of a stored part from its {@code content_type}, {@code content_json} and {@code text} columns. */
    public static OutboundContent read(String type, String json, String text) {
        if (type == null) {
            return new Text(text);
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored reply part has content that is not JSON", e);
        }
        Optional<MediaKind> kind = MediaKind.fromWire(type);
        if (kind.isPresent()) {
            return new Media(
                    kind.get(),
                    URI.create(node.path("url").asText()),
                    optional(node, "caption"),
                    optional(node, "filename"));
        }
        return switch (type) {
            case "buttons" -> new Buttons(node.path("text").asText(), buttons(node.path("buttons")));
            case "list" ->
                new ListMessage(
                        node.path("text").asText(), node.path("button").asText(), sections(node.path("sections")));
            case "template" ->
                new MetaTemplate(
                        node.path("name").asText(), node.path("language").asText(), optional(node, "components"));
            case TWILIO_TEMPLATE ->
                new TwilioTemplate(node.path("contentSid").asText(), optional(node, "contentVariables"));
            case "reaction" ->
                new Reaction(node.path("messageId").asText(), node.path("emoji").asText());
            default -> throw new IllegalStateException("a stored reply part has an unknown content type " + type);
        };
    }

    private static List<Button> buttons(JsonNode array) {
        List<Button> buttons = new ArrayList<>();
        array.forEach(b ->
                buttons.add(new Button(b.path("id").asText(), b.path("title").asText())));
        return buttons;
    }

    private static List<Section> sections(JsonNode array) {
        List<Section> sections = new ArrayList<>();
        for (JsonNode s : array) {
            List<Row> rows = new ArrayList<>();
            s.path("rows")
                    .forEach(r -> rows.add(
                            new Row(r.path("id").asText(), r.path("title").asText(), optional(r, "description"))));
            sections.add(new Section(optional(s, "title"), rows));
        }
        return sections;
    }

    private static Optional<String> optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }
}
