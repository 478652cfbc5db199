package com.vendin.whatsapp.http.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vendin.whatsapp.http.RouteGroup;
import com.vendin.whatsapp.http.common.JsonResponses;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.numbers.ManageNumberPool;
import com.vendin.whatsapp.ports.numbers.ManageNumberPool.AddPoolNumber;
import com.vendin.whatsapp.ports.numbers.PoolNumber;
import com.vendin.whatsapp.ports.tenant.TenantId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Objects;
import java.util.Optional;

/** The number pool of CONTRACT §5.3 (option B): add, change status, list, assign to a tenant, release. */
public final class NumberPoolRoutes implements RouteGroup {
    private static final String POOL = AdminRoutes.BASE + "/number-pool";
    private static final String ASSIGNMENT = AdminRoutes.BASE + "/tenants/{id}/whatsapp/pool-assignment";

    private final ManageNumberPool pool;
    private final AdminBodies bodies;
    private final ObjectMapper mapper;

    public NumberPoolRoutes(ManageNumberPool pool, ObjectMapper mapper) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.bodies = new AdminBodies(mapper);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post(POOL, this::add);
        routes.get(POOL, this::list);
        routes.patch(POOL + "/{phoneNumber}", this::setStatus);
        routes.post(ASSIGNMENT, this::assign);
        routes.delete(ASSIGNMENT, this::release);
    }

    private void add(Context ctx) {
        AddBody body = bodies.bind(bodies.readObject(ctx), AddBody.class);
        PoolNumber added =
                pool.add(new AddPoolNumber(body.phoneNumber(), body.phoneId(), Optional.ofNullable(body.status())));
        JsonResponses.send(ctx, mapper, 201, view(added));
    }

    private void list(Context ctx) {
        ObjectNode root = mapper.createObjectNode();
        var items = root.putArray("items");
        pool.list().forEach(n -> items.add(view(n)));
        JsonResponses.send(ctx, mapper, 200, root);
    }

    private void setStatus(Context ctx) {
        StatusBody body = bodies.bind(bodies.readObject(ctx), StatusBody.class);
        JsonResponses.send(ctx, mapper, 200, view(pool.setStatus(ctx.pathParam("phoneNumber"), body.status())));
    }

    private void assign(Context ctx) {
        TenantId tenant = tenantId(ctx);
        bodies.requireNoInput(ctx);
        PoolNumber assigned = pool.assign(tenant);
        JsonResponses.send(
                ctx,
                mapper,
                200,
                mapper.createObjectNode()
                        .put("phoneNumber", assigned.phoneNumber().e164())
                        .put("phoneId", assigned.phoneId()));
    }

    private void release(Context ctx) {
        pool.release(tenantId(ctx));
        ctx.status(204);
    }

    private ObjectNode view(PoolNumber number) {
        ObjectNode node = mapper.createObjectNode()
                .put("id", number.phoneNumber().e164())
                .put("phoneNumber", number.phoneNumber().e164())
                .put("phoneId", number.phoneId())
                .put("status", number.status().wireName());
        number.assignedTenant().ifPresent(t -> node.put("tenantId", t.value()));
        node.put("createdAt", number.createdAt().toString())
                .put("updatedAt", number.updatedAt().toString());
        return node;
    }

    static TenantId tenantId(Context ctx) {
        String raw = ctx.pathParam("id");
        if (!TenantId.isValid(raw)) {
            throw GatewayRejection.notFound("tenant_not_found", "No tenant has the id " + raw + ".");
        }
        return new TenantId(raw);
    }

    /** {@code POST /api/v1/number-pool}. */
    record AddBody(String phoneNumber, String phoneId, String status) {}

    /** {@code PATCH /api/v1/number-pool/{phoneNumber}}. */
    record StatusBody(String status) {}
}
