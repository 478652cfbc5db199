package com.vendin.whatsapp.app.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vendin.whatsapp.http.RouteGroup;
import com.vendin.whatsapp.ports.delivery.PartCorrelation;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Demo-only routes: the stores' agents ({@code POST /demo/agents/{store}/webhooks/whatsapp}, the tenants'
 * instance URLs), the product photos they show ({@code GET /demo/products/{file}}) and the sandbox outbox
 * ({@code GET /demo/outbox}, what the gateway would have sent).
 */
public final class DemoRoutes implements RouteGroup {
    public static final String AGENTS = "/demo/agents/";
    public static final String OUTBOX = "/demo/outbox";
    public static final String PRODUCTS = "/demo/products/";
    /** How {@code via} marks an outbox entry the agent sent through the send API (CONTRACT §3.2). */
    public static final String VIA_SEND_API = "send-api";

    private static final Pattern PHOTO = Pattern.compile("[a-z0-9-]{1,64}\\.png");

    private final SandboxSender sandbox;
    private final ObjectMapper mapper;
    private final DemoAgents agents;
    private final LateReplies late;

    public DemoRoutes(SandboxSender sandbox, ObjectMapper mapper, DemoStores stores, LateReplies late) {
        this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.late = Objects.requireNonNull(late, "late");
        this.agents = new DemoAgents(mapper, stores, late);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post(AGENTS + "{store}/webhooks/whatsapp", this::agent);
        routes.get(PRODUCTS + "{file}", this::product);
        routes.get(OUTBOX, this::outbox);
    }

    private void agent(Context ctx) throws IOException {
        Optional<String> reply = agents.answer(ctx.pathParam("store"), ctx.bodyAsBytes());
        if (reply.isEmpty()) {
            ctx.status(404).contentType("application/json").result("{}");
            return;
        }
        ctx.status(200).contentType("application/json").result(reply.get());
    }

    /** A product photo from the jar's {@code demo/products/}; 404 for any other name. */
    private void product(Context ctx) throws IOException {
        String file = ctx.pathParam("file");
        InputStream photo =
                PHOTO.matcher(file).matches() ? DemoRoutes.class.getResourceAsStream("/demo/products/" + file) : null;
        if (photo == null) {
            ctx.status(404).contentType("application/json").result("{\"error\":\"not_found\"}");
            return;
        }
        byte[] bytes;
        try (photo) {
            bytes = photo.readAllBytes();
        }
        ctx.status(200)
                .contentType("image/png")
                .header("Content-Length", Integer.toString(bytes.length))
                .result(bytes);
    }

    private void outbox(Context ctx) {
        ArrayNode items = mapper.createArrayNode();
        for (SandboxSender.Sent sent : sandbox.outbox()) {
            ObjectNode item = items.addObject()
                    .put("id", sent.id())
                    .put("from", sent.from())
                    .put("to", sent.to())
                    .put("type", sent.type())
                    .put("text", sent.text())
                    .put("sentAt", sent.sentAt().toString());
            Optional<Long> part = sent.correlationId().flatMap(PartCorrelation::partId);
            part.ifPresent(n -> item.put("part", "out-" + n));
            part.flatMap(late::replyToOfPart)
                    .ifPresent(replyTo -> item.put("via", VIA_SEND_API).put("replyTo", replyTo));
        }
        ObjectNode body = mapper.createObjectNode();
        body.set("items", items);
        ctx.status(200).contentType("application/json").result(body.toString());
    }
}
