package com.vendin.whatsapp.http.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vendin.whatsapp.http.RouteGroup;
import com.vendin.whatsapp.http.common.JsonResponses;
import com.vendin.whatsapp.ports.health.HealthCheck;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /health} (CONTRACT §5.5): 200 when every check passes, else 503 naming the failing check; no token. */
public final class HealthRoutes implements RouteGroup {
    public static final String PATH = "/health";
    private static final Logger LOG = LoggerFactory.getLogger(HealthRoutes.class);

    private final List<HealthCheck> checks;
    private final ObjectMapper mapper;

    public HealthRoutes(List<HealthCheck> checks, ObjectMapper mapper) {
        this.checks = List.copyOf(checks);
        this.mapper = mapper;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATH, this::health);
    }

    private void health(Context ctx) {
        ObjectNode results = mapper.createObjectNode();
        boolean healthy = true;
        for (HealthCheck check : checks) {
            HealthCheck.Result result = run(check);
            healthy &= result.healthy();
            results.put(check.name(), result.healthy() ? "ok" : result.detail());
        }
        ObjectNode body = mapper.createObjectNode().put("status", healthy ? "ok" : "failing");
        body.set("checks", results);
        JsonResponses.send(ctx, mapper, healthy ? 200 : 503, body);
    }

    private static HealthCheck.Result run(HealthCheck check) {
        try {
            return check.check();
        } catch (RuntimeException e) {
            LOG.warn("health check {} threw", check.name(), e);
            return HealthCheck.Result.failing("check failed: " + e.getClass().getSimpleName());
        }
    }
}
