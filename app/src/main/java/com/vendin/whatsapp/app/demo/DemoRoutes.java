package com.vendin.whatsapp.app.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vendin.whatsapp.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * Demo-only routes: the stores' agents ({@code POST /demo/agents/{store}/webhooks/whatsapp}, the tenants'
 * instance URLs) and the sandbox outbox ({@code GET /demo/outbox}, what the gateway would have sent).
 */
public final class DemoRoutes implements RouteGroup {
    public static final String AGENTS = "/demo/agents/";
    public static final String OUTBOX = "/demo/outbox";

    private final SandboxSender sandbox;
    private final ObjectMapper mapper;
    private final DemoAgents agents;

    public DemoRoutes(SandboxSender sandbox, ObjectMapper mapper) {
        this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.agents = new DemoAgents(mapper);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post(AGENTS + "{store}/webhooks/whatsapp", this::agent);
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

    private void outbox(Context ctx) {
        ArrayNode items = mapper.createArrayNode();
        for (SandboxSender.Sent sent : sandbox.outbox()) {
            items.addObject().put("id", sent.id()).put("from", sent.from()).put("to", sent.to())
                    .put("text", sent.text()).put("sentAt", sent.sentAt().toString());
        }
        ObjectNode body = mapper.createObjectNode();
        body.set("items", items);
        ctx.status(200).contentType("application/json").result(body.toString());
    }
}
