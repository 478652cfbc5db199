package com.vendin.whatsapp.http.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vendin.whatsapp.ports.query.MessageDetail;
import com.vendin.whatsapp.ports.query.MessageView;
import com.vendin.whatsapp.ports.query.UnroutableView;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The admin API's views of message records (CONTRACT §5.4), as {@code {"items":[...]}} lists. */
final class MessageJson {
    private final ObjectMapper mapper;
    private final ContentJson contentJson;

    MessageJson(ObjectMapper mapper) {
        this.mapper = mapper;
        this.contentJson = new ContentJson(mapper);
    }

    ObjectNode messages(List<MessageView> views) {
        return items(views, this::message);
    }

    ObjectNode unroutable(List<UnroutableView> views) {
        return items(views, this::unroutable);
    }

    private <T> ObjectNode items(List<T> views, Function<T, ObjectNode> view) {
        ArrayNode items = mapper.createArrayNode();
        views.forEach(v -> items.add(view.apply(v)));
        ObjectNode node = mapper.createObjectNode();
        node.set("items", items);
        return node;
    }

    private ObjectNode message(MessageView m) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id", m.id());
        node.put("direction", m.direction());
        node.put("from", m.from());
        node.put("to", m.to());
        node.put("type", m.type());
        node.put("text", m.text());
        node.put("state", m.state());
        node.put("providerMessageId", m.providerMessageId().orElse(null));
        node.put("role", m.role().orElse(null));
        node.put("threadId", m.threadId().orElse(null));
        node.put("userId", m.userId().orElse(null));
        node.put("username", m.username().orElse(null));
        node.put("inReplyTo", m.inReplyTo().orElse(null));
        node.put("errorCode", m.errorCode().orElse(null));
        node.put("attempts", m.attempts());
        node.put("providerTimestamp", time(m.providerTimestamp()));
        node.put("createdAt", m.createdAt().toString());
        node.put("updatedAt", m.updatedAt().toString());
        addDetail(node, m.detail());
        return node;
    }

    /** CONTRACT §3.1–3.3 and the §3.2 window: {@code null} where a field does not apply to the message. */
    private void addDetail(ObjectNode node, MessageDetail detail) {
        node.set("content", detail.content().<JsonNode>map(contentJson::content).orElse(NullNode.getInstance()));
        node.put("tenantInitiated", detail.tenantInitiated());
        node.put("replyTo", detail.replyTo().orElse(null));
        node.set("media", detail.media().<JsonNode>map(contentJson::media).orElse(NullNode.getInstance()));
        node.set(
                "window",
                detail.window()
                        .<JsonNode>map(w -> mapper.createObjectNode()
                                .put("open", w.open())
                                .put("until", w.until().toString()))
                        .orElse(NullNode.getInstance()));
    }

    private ObjectNode unroutable(UnroutableView u) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id", u.id());
        node.put("provider", u.provider());
        node.put("providerMessageId", u.providerMessageId());
        node.put("from", u.from());
        node.put("userId", u.userId().orElse(null));
        node.put("to", u.to());
        node.put("phoneId", u.phoneId().orElse(null));
        node.put("reason", u.reason());
        node.put("type", u.type());
        node.put("text", u.text());
        node.put("providerTimestamp", u.providerTimestamp().toString());
        node.put("receivedAt", u.receivedAt().toString());
        return node;
    }

    private static String time(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse(null);
    }
}
