package com.vendin.whatsapp.http.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vendin.whatsapp.http.RouteGroup;
import com.vendin.whatsapp.http.common.JsonResponses;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.deadletter.DeadLetter;
import com.vendin.whatsapp.ports.deadletter.ManageDeadLetters;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Objects;

/** {@code GET /api/v1/dead-letters} and {@code POST /api/v1/dead-letters/{id}/retry} (CONTRACT §5.4). */
public final class DeadLetterRoutes implements RouteGroup {
    private static final int DEFAULT_LIMIT = 50;

    private final ManageDeadLetters deadLetters;
    private final ObjectMapper mapper;
    private final AdminBodies bodies;

    public DeadLetterRoutes(ManageDeadLetters deadLetters, ObjectMapper mapper) {
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.bodies = new AdminBodies(mapper);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(AdminRoutes.BASE + "/dead-letters", this::list);
        routes.post(AdminRoutes.BASE + "/dead-letters/{id}/retry", this::retry);
    }

    private void list(Context ctx) {
        ArrayNode items = mapper.createArrayNode();
        deadLetters.list(limit(ctx)).forEach(d -> items.add(view(d)));
        ObjectNode body = mapper.createObjectNode();
        body.set("items", items);
        JsonResponses.send(ctx, mapper, 200, body);
    }

    private void retry(Context ctx) {
        bodies.requireNoInput(ctx);
        String id = ctx.pathParam("id");
        deadLetters.retry(id);
        String state = id.trim().startsWith("out-") ? "pending" : "received";
        JsonResponses.send(
                ctx, mapper, 202, mapper.createObjectNode().put("id", id).put("state", state));
    }

    private ObjectNode view(DeadLetter d) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id", d.id());
        node.put("kind", d.kind());
        node.put("tenantId", d.tenantId());
        node.put("role", d.role());
        node.put("threadId", d.threadId());
        node.put("from", d.from());
        d.userId().ifPresent(userId -> node.put("userId", userId));
        d.to().ifPresent(to -> node.put("to", to));
        node.put("type", d.type());
        node.put("text", d.text());
        node.put("providerMessageId", d.providerMessageId());
        node.put("attempts", d.attempts());
        node.put("lastError", d.lastError().orElse(null));
        node.put("providerTimestamp", d.providerTimestamp().toString());
        node.put("receivedAt", d.receivedAt().toString());
        node.put("deadAt", d.deadAt().toString());
        return node;
    }

    private static int limit(Context ctx) {
        String raw = ctx.queryParam("limit");
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw GatewayRejection.invalid("invalid_limit", "limit must be a whole number.");
        }
    }
}
