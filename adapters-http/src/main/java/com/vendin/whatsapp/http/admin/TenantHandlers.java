package com.vendin.whatsapp.http.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vendin.whatsapp.http.common.JsonResponses;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.query.BrowseMessages;
import com.vendin.whatsapp.ports.tenant.ManageTenants;
import com.vendin.whatsapp.ports.tenant.Tenant;
import com.vendin.whatsapp.ports.tenant.TenantId;
import io.javalin.http.Context;

/** Handlers of the tenant endpoints (CONTRACT §5.1) and the tenant's message list (§5.4). */
final class TenantHandlers {
    private static final int DEFAULT_LIMIT = 50;

    private final ManageTenants tenants;
    private final BrowseMessages messages;
    private final AdminBodies bodies;
    private final TenantRequests requests;
    private final TenantJson tenantJson;
    private final MessageJson messageJson;
    private final ObjectMapper mapper;

    TenantHandlers(ManageTenants tenants, BrowseMessages messages, ObjectMapper mapper) {
        this.tenants = tenants;
        this.messages = messages;
        this.bodies = new AdminBodies(mapper);
        this.requests = new TenantRequests(bodies);
        this.tenantJson = new TenantJson(mapper);
        this.messageJson = new MessageJson(mapper);
        this.mapper = mapper;
    }

    void create(Context ctx) {
        Tenant created = tenants.create(requests.create(bodies.readObject(ctx)));
        JsonResponses.send(ctx, mapper, 201, tenantJson.viewWithSecret(created));
    }

    void get(Context ctx) {
        JsonResponses.send(ctx, mapper, 200, tenantJson.view(tenants.get(tenantId(ctx))));
    }

    void update(Context ctx) {
        TenantId id = tenantId(ctx);
        Tenant updated = tenants.update(id, requests.update(bodies.readObject(ctx)));
        JsonResponses.send(ctx, mapper, 200, tenantJson.view(updated));
    }

    void delete(Context ctx) {
        tenants.delete(tenantId(ctx));
        ctx.status(204);
    }

    void rotateSecret(Context ctx) {
        TenantId id = tenantId(ctx);
        bodies.requireNoInput(ctx);
        JsonResponses.send(ctx, mapper, 200, tenantJson.secret(tenants.rotateInstanceSecret(id)));
    }

    void messages(Context ctx) {
        TenantId id = tenantId(ctx);
        JsonResponses.send(ctx, mapper, 200, messageJson.messages(messages.tenantMessages(id, limit(ctx))));
    }

    void unroutable(Context ctx) {
        JsonResponses.send(ctx, mapper, 200, messageJson.unroutable(messages.unroutable(limit(ctx))));
    }

    private static TenantId tenantId(Context ctx) {
        String raw = ctx.pathParam("id");
        if (!TenantId.isValid(raw)) {
            throw GatewayRejection.notFound("tenant_not_found", "No tenant has the id " + raw + ".");
        }
        return new TenantId(raw);
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
