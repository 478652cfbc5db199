package com.vendin.whatsapp.http.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vendin.whatsapp.http.RouteGroup;
import com.vendin.whatsapp.http.common.JsonResponses;
import com.vendin.whatsapp.ports.unroutable.RetryUnroutable;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Objects;

/** {@code POST /api/v1/unroutable/{id}/retry} (CONTRACT §5.4): 202 with where the message goes now. */
public final class UnroutableRetryRoutes implements RouteGroup {
    private final RetryUnroutable retry;
    private final ObjectMapper mapper;
    private final AdminBodies bodies;

    public UnroutableRetryRoutes(RetryUnroutable retry, ObjectMapper mapper) {
        this.retry = Objects.requireNonNull(retry, "retry");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.bodies = new AdminBodies(mapper);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post(AdminRoutes.BASE + "/unroutable/{id}/retry", this::retry);
    }

    private void retry(Context ctx) {
        bodies.requireNoInput(ctx);
        RetryUnroutable.Rerouted rerouted = retry.retry(ctx.pathParam("id"));
        JsonResponses.send(
                ctx,
                mapper,
                202,
                mapper.createObjectNode()
                        .put("id", rerouted.id())
                        .put("state", "received")
                        .put("providerMessageId", rerouted.providerMessageId())
                        .put("tenantId", rerouted.tenantId().value())
                        .put("role", rerouted.role().wireName())
                        .put("threadId", rerouted.threadId()));
    }
}
