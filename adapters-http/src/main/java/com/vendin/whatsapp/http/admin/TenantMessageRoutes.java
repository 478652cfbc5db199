package com.vendin.whatsapp.http.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vendin.whatsapp.http.RouteGroup;
import com.vendin.whatsapp.http.common.BoundedBody;
import com.vendin.whatsapp.http.common.JsonResponses;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.send.SendMessages;
import com.vendin.whatsapp.ports.send.SendReceipt;
import com.vendin.whatsapp.ports.send.SendRequest;
import com.vendin.whatsapp.ports.send.TenantSigningKeys;
import com.vendin.whatsapp.ports.tenant.TenantId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code POST /api/v1/tenants/{id}/messages} (CONTRACT §3.2): a tenant-initiated send, authenticated with the
 * admin bearer token (checked by {@link AdminRoutes}) or, with no {@code Authorization} header, with that
 * tenant's own {@code X-Vendin-Signature} over the raw body ({@link TenantSignature}) → 202 with the send's id
 * and its queued parts.
 */
public final class TenantMessageRoutes implements RouteGroup {
    private static final Pattern PATH = Pattern.compile(Pattern.quote(AdminRoutes.BASE) + "/tenants/[^/]+/messages/?");
    private static final int MAX_KEY_LENGTH = 255;

    private final SendMessages sendMessages;
    private final TenantSignature signature;
    private final ObjectMapper mapper;
    private final AdminBodies bodies;
    private final OutgoingItems items;

    public TenantMessageRoutes(SendMessages sendMessages, TenantSigningKeys keys, Clock clock, ObjectMapper mapper) {
        this.sendMessages = Objects.requireNonNull(sendMessages, "sendMessages");
        this.signature = new TenantSignature(keys, clock);
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.bodies = new AdminBodies(mapper);
        this.items = new OutgoingItems();
    }

    /** A request this route authenticates itself: a POST here with a tenant signature and no bearer token. */
    static boolean signedByTenant(Context ctx) {
        return ctx.method().name().equals("POST")
                && PATH.matcher(ctx.path()).matches()
                && ctx.header("Authorization") == null
                && ctx.header(TenantSignature.SIGNATURE_HEADER) != null;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post(AdminRoutes.BASE + "/tenants/{id}/messages", this::send);
    }

    private void send(Context ctx) {
        TenantId tenant = tenantId(ctx.pathParam("id"));
        byte[] raw = BoundedBody.read(ctx, AdminBodies.MAX_BYTES);
        if (signedByTenant(ctx)) {
            signature.verify(
                    tenant,
                    ctx.header(TenantSignature.TIMESTAMP_HEADER),
                    ctx.header(TenantSignature.SIGNATURE_HEADER),
                    raw);
        }
        SendReceipt receipt = sendMessages.send(request(tenant, bodies.parseObject(raw)));
        ObjectNode body = mapper.createObjectNode().put("id", receipt.id());
        ArrayNode parts = body.putArray("parts");
        receipt.parts().forEach(p -> parts.addObject().put("id", p.id()).put("state", p.state()));
        JsonResponses.send(ctx, mapper, 202, body);
    }

    private SendRequest request(TenantId tenant, JsonNode node) {
        SendBody body = bodies.bind(node, SendBody.class);
        if (body.to() == null) {
            throw GatewayRejection.invalid("invalid_request", "Field to is required.");
        }
        Optional<String> key = Optional.ofNullable(body.idempotencyKey());
        if (key.filter(k -> k.isBlank() || k.length() > MAX_KEY_LENGTH).isPresent()) {
            throw GatewayRejection.invalid(
                    "invalid_request", "idempotencyKey must be 1 to " + MAX_KEY_LENGTH + " characters.");
        }
        Optional<String> replyTo = Optional.ofNullable(body.replyTo());
        if (replyTo.filter(r -> r.isBlank() || r.length() > 512).isPresent()) {
            throw GatewayRejection.invalid("invalid_request", "replyTo must be the messageId of a received message.");
        }
        return new SendRequest(tenant, body.to(), items.parse(body.messages()), replyTo, key);
    }

    private static TenantId tenantId(String raw) {
        if (!TenantId.isValid(raw)) {
            throw GatewayRejection.notFound("tenant_not_found", "No tenant " + raw + ".");
        }
        return new TenantId(raw);
    }

    /** The request body; {@code messages} is parsed item by item ({@link OutgoingItems}). */
    record SendBody(String to, JsonNode messages, String replyTo, String idempotencyKey) {}
}
