package com.vendin.whatsapp.http.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vendin.whatsapp.http.RouteGroup;
import com.vendin.whatsapp.http.common.JsonResponses;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.otp.RegisterAdminPhone;
import com.vendin.whatsapp.ports.otp.RegisterAdminPhone.ConfirmCode;
import com.vendin.whatsapp.ports.otp.RegisterAdminPhone.RequestCode;
import com.vendin.whatsapp.ports.tenant.AdminPhone;
import com.vendin.whatsapp.ports.tenant.TenantId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The admin-phone endpoints (CONTRACT §5.2): ask for a code, confirm it, list and remove admin phones. */
public final class AdminPhoneRoutes implements RouteGroup {
    private static final String PATH = AdminRoutes.BASE + "/tenants/{id}/admin-phones";

    private final RegisterAdminPhone registration;
    private final AdminBodies bodies;
    private final ObjectMapper mapper;

    public AdminPhoneRoutes(RegisterAdminPhone registration, ObjectMapper mapper) {
        this.registration = Objects.requireNonNull(registration, "registration");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.bodies = new AdminBodies(mapper);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post(PATH + "/verifications", this::requestCode);
        routes.post(PATH, this::confirm);
        routes.get(PATH, this::list);
        routes.delete(PATH + "/{phone}", this::remove);
    }

    private void requestCode(Context ctx) {
        TenantId tenant = tenantId(ctx);
        AskBody body = bodies.bind(bodies.readObject(ctx), AskBody.class);
        var expiresAt = registration.requestCode(
                new RequestCode(tenant, required(body.phone(), "phone"), required(body.userId(), "userId")));
        JsonResponses.send(ctx, mapper, 202, Map.of("expiresAt", expiresAt.toString()));
    }

    private void confirm(Context ctx) {
        TenantId tenant = tenantId(ctx);
        ConfirmBody body = bodies.bind(bodies.readObject(ctx), ConfirmBody.class);
        AdminPhone phone = registration.confirm(new ConfirmCode(
                tenant,
                required(body.phone(), "phone"),
                required(body.otp(), "otp"),
                required(body.userId(), "userId")));
        JsonResponses.send(ctx, mapper, 201, view(phone));
    }

    private void list(Context ctx) {
        List<Map<String, Object>> items = registration.list(tenantId(ctx)).stream()
                .map(AdminPhoneRoutes::view)
                .toList();
        JsonResponses.send(ctx, mapper, 200, Map.of("items", items));
    }

    private void remove(Context ctx) {
        registration.remove(tenantId(ctx), ctx.pathParam("phone"));
        ctx.status(204);
    }

    private static Map<String, Object> view(AdminPhone phone) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", phone.id());
        view.put("tenantId", phone.tenantId().value());
        view.put("userId", phone.userId());
        view.put("phone", phone.phone().e164());
        view.put("role", phone.role());
        view.put("verifiedAt", phone.verifiedAt().toString());
        view.put("createdAt", phone.createdAt().toString());
        return view;
    }

    private static TenantId tenantId(Context ctx) {
        String raw = ctx.pathParam("id");
        if (!TenantId.isValid(raw)) {
            throw GatewayRejection.notFound("tenant_not_found", "No tenant has the id " + raw + ".");
        }
        return new TenantId(raw);
    }

    private static String required(String value, String field) {
        if (value == null) {
            throw GatewayRejection.invalid("invalid_request", "Field " + field + " is required.");
        }
        return value;
    }

    /** {@code POST .../admin-phones/verifications}. */
    record AskBody(String phone, String userId) {}

    /** {@code POST .../admin-phones}. */
    record ConfirmBody(String phone, String otp, String userId) {
        @Override
        public String toString() {
            return "ConfirmBody[" + phone + " user=" + userId + " otp=***]";
        }
    }
}
