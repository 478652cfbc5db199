package com.vendin.whatsapp.http.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vendin.whatsapp.ports.delivery.OutboundContent;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Buttons;
import com.vendin.whatsapp.ports.delivery.OutboundContent.ListMessage;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Media;
import com.vendin.whatsapp.ports.delivery.OutboundContent.MetaTemplate;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Reaction;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Row;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Section;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Text;
import com.vendin.whatsapp.ports.delivery.OutboundContent.TwilioTemplate;
import com.vendin.whatsapp.ports.query.InboundMedia;
import java.net.URI;
import java.util.Optional;

/**
 * The {@code content} of a listed outbound part (the fields of its CONTRACT §3.1 item, as the tenant wrote them)
 * and the {@code media} of a listed inbound message (§3.3: what the provider said about it and the gateway's
 * link, never the provider's URL). A media URL loses any user-info part ({@code user:password@}).
 */
final class ContentJson {
    private final ObjectMapper mapper;

    ContentJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode content(OutboundContent content) {
        ObjectNode node = mapper.createObjectNode();
        if (content instanceof Text text) {
            node.put("text", text.text());
        } else if (content instanceof Media media) {
            node.put("url", withoutUserInfo(media.url()));
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
            template.componentsJson().ifPresent(c -> node.set("components", json(c)));
        } else if (content instanceof TwilioTemplate template) {
            node.put("contentSid", template.contentSid());
            template.contentVariablesJson().ifPresent(v -> node.set("contentVariables", json(v)));
        } else if (content instanceof Reaction reaction) {
            node.put("messageId", reaction.messageId()).put("emoji", reaction.emoji());
        }
        return node;
    }

    ObjectNode media(InboundMedia media) {
        ObjectNode node = mapper.createObjectNode();
        media.mediaId().ifPresent(v -> node.put("mediaId", v));
        media.mimeType().ifPresent(v -> node.put("mimeType", v));
        media.caption().ifPresent(v -> node.put("caption", v));
        media.filename().ifPresent(v -> node.put("filename", v));
        media.url().ifPresent(v -> node.put("url", v.toString()));
        return node;
    }

    /** Stored JSON as JSON; text that does not parse (never expected) as the string it is. */
    private JsonNode json(String stored) {
        try {
            return mapper.readTree(stored);
        } catch (JsonProcessingException e) {
            return mapper.getNodeFactory().textNode(stored);
        }
    }

    private static String withoutUserInfo(URI url) {
        if (url.getRawUserInfo() == null || url.getHost() == null) {
            return url.toString();
        }
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + Optional.ofNullable(url.getRawPath()).orElse("")
                + Optional.ofNullable(url.getRawQuery()).map(q -> "?" + q).orElse("")
                + Optional.ofNullable(url.getRawFragment()).map(f -> "#" + f).orElse("");
    }
}
