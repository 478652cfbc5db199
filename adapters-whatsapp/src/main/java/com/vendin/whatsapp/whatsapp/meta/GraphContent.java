package com.vendin.whatsapp.whatsapp.meta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vendin.whatsapp.ports.delivery.MediaKind;
import com.vendin.whatsapp.ports.delivery.OutboundContent;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Buttons;
import com.vendin.whatsapp.ports.delivery.OutboundContent.ListMessage;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Media;
import com.vendin.whatsapp.ports.delivery.OutboundContent.MetaTemplate;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Reaction;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Row;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Section;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Text;
import com.vendin.whatsapp.ports.delivery.OutboundMessage;
import com.vendin.whatsapp.whatsapp.http.ProviderJson;
import java.util.Optional;

/**
 * Renders a reply part as the body of {@code POST /{phoneId}/messages} (Meta's "Send messages" docs):
 * media by the id of the uploaded file, interactive reply buttons and lists, templates and reactions.
 */
final class GraphContent {
    private GraphContent() {}

    /** The JSON body; empty for an item Meta cannot carry (a Twilio content template). */
    static Optional<String> body(OutboundMessage message) {
        ObjectNode root = GraphRecipients.address(
                ProviderJson.mapper().createObjectNode().put("messaging_product", "whatsapp"), message.to());
        OutboundContent content = message.content();
        if (content instanceof Text text) {
            root.put("type", "text").putObject("text").put("body", text.text()).put("preview_url", false);
        } else if (content instanceof Media media) {
            media(root, media, message.mediaId());
        } else if (content instanceof Buttons buttons) {
            ObjectNode interactive =
                    root.put("type", "interactive").putObject("interactive").put("type", "button");
            interactive.putObject("body").put("text", buttons.text());
            ArrayNode list = interactive.putObject("action").putArray("buttons");
            buttons.buttons()
                    .forEach(b -> list.addObject()
                            .put("type", "reply")
                            .putObject("reply")
                            .put("id", b.id())
                            .put("title", b.title()));
        } else if (content instanceof ListMessage list) {
            list(root, list);
        } else if (content instanceof MetaTemplate template) {
            ObjectNode node = root.put("type", "template").putObject("template").put("name", template.name());
            node.putObject("language").put("code", template.language());
            template.componentsJson().map(GraphContent::parse).ifPresent(c -> node.set("components", c));
        } else if (content instanceof Reaction reaction) {
            root.put("type", "reaction")
                    .putObject("reaction")
                    .put("message_id", reaction.messageId())
                    .put("emoji", reaction.emoji());
        } else {
            return Optional.empty();
        }
        message.correlationId().ifPresent(id -> root.put("biz_opaque_callback_data", id));
        try {
            return Optional.of(ProviderJson.mapper().writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** By the uploaded media's id; by {@code link} only when no id is known. Only a document carries a filename. */
    private static void media(ObjectNode root, Media media, Optional<String> mediaId) {
        String kind = media.kind().wireName();
        ObjectNode node = root.put("type", kind).putObject(kind);
        if (mediaId.isPresent()) {
            node.put("id", mediaId.get());
        } else {
            node.put("link", media.url().toString());
        }
        media.caption().ifPresent(c -> node.put("caption", c));
        if (media.kind() == MediaKind.DOCUMENT) {
            media.filename().ifPresent(f -> node.put("filename", f));
        }
    }

    private static void list(ObjectNode root, ListMessage list) {
        ObjectNode interactive =
                root.put("type", "interactive").putObject("interactive").put("type", "list");
        interactive.putObject("body").put("text", list.text());
        ObjectNode action = interactive.putObject("action").put("button", list.button());
        ArrayNode sections = action.putArray("sections");
        for (Section section : list.sections()) {
            ObjectNode s = sections.addObject();
            section.title().ifPresent(t -> s.put("title", t));
            ArrayNode rows = s.putArray("rows");
            for (Row row : section.rows()) {
                ObjectNode r = rows.addObject().put("id", row.id()).put("title", row.title());
                row.description().ifPresent(d -> r.put("description", d));
            }
        }
    }

    private static JsonNode parse(String json) {
        try {
            return ProviderJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("template components are not JSON", e);
        }
    }
}
