package com.vendin.whatsapp.http.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vendin.whatsapp.http.RouteGroup;
import com.vendin.whatsapp.http.common.JsonResponses;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.tenant.ManageTenants;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Objects;

/** {@code GET /api/v1/tenants?limit=100}: every tenant with its number (never a secret), for the console. */
public final class TenantListRoutes implements RouteGroup {
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final ManageTenants tenants;
    private final ObjectMapper mapper;
    private final TenantJson json;

    public TenantListRoutes(ManageTenants tenants, ObjectMapper mapper) {
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.json = new TenantJson(mapper);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(AdminRoutes.BASE + "/tenants", this::list);
    }

    private void list(Context ctx) {
        ArrayNode items = mapper.createArrayNode();
        tenants.list(limit(ctx)).forEach(t -> items.add(json.view(t)));
        ObjectNode body = mapper.createObjectNode();
        body.set("items", items);
        JsonResponses.send(ctx, mapper, 200, body);
    }

    private static int limit(Context ctx) {
        String raw = ctx.queryParam("limit");
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        try {
            return Math.min(MAX_LIMIT, Integer.parseInt(raw.trim()));
        } catch (NumberFormatException e) {
            throw GatewayRejection.invalid("invalid_limit", "limit must be a whole number.");
        }
    }
}
