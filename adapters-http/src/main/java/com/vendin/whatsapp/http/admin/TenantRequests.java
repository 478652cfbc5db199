package com.vendin.whatsapp.http.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.tenant.ManageTenants.CreateTenant;
import com.vendin.whatsapp.ports.tenant.ManageTenants.UpdateTenant;
import com.vendin.whatsapp.ports.tenant.ManageTenants.WhatsAppInput;
import java.util.Optional;

/** The JSON bodies of {@code POST} and {@code PATCH /api/v1/tenants} and their translation to port commands. */
final class TenantRequests {
    private static final String WHATSAPP = "whatsapp";

    private final AdminBodies bodies;

    TenantRequests(AdminBodies bodies) {
        this.bodies = bodies;
    }

    CreateTenant create(JsonNode node) {
        CreateBody body = bodies.bind(node, CreateBody.class);
        return new CreateTenant(
                present(body.id()),
                required(body.subdomain(), "subdomain"),
                required(body.instanceUrl(), "instanceUrl"),
                Optional.ofNullable(body.whatsapp()).map(this::whatsapp));
    }

    UpdateTenant update(JsonNode node) {
        UpdateBody body = bodies.bind(node, UpdateBody.class);
        boolean remove = node.has(WHATSAPP) && node.get(WHATSAPP).isNull();
        return new UpdateTenant(
                present(body.subdomain()),
                present(body.instanceUrl()),
                Optional.ofNullable(body.whatsapp()).map(this::whatsapp),
                remove);
    }

    private WhatsAppInput whatsapp(WhatsAppBody body) {
        Optional<Provider> provider = present(body.provider())
                .map(name -> Provider.fromWire(name)
                        .orElseThrow(() -> GatewayRejection.invalid(
                                "invalid_provider", "whatsapp.provider must be facebook or twilio.")));
        return new WhatsAppInput(
                present(body.phoneNumber()),
                present(body.phoneId()),
                provider,
                present(body.accessToken()),
                present(body.twilioAccountSid()),
                present(body.twilioAuthToken()));
    }

    private static Optional<String> present(String value) {
        return Optional.ofNullable(value);
    }

    private static String required(String value, String field) {
        if (value == null) {
            throw GatewayRejection.invalid("invalid_request", "Field " + field + " is required.");
        }
        return value;
    }

    /** {@code POST /api/v1/tenants}. */
    record CreateBody(String id, String subdomain, String instanceUrl, WhatsAppBody whatsapp) {}

    /** {@code PATCH /api/v1/tenants/{id}}. */
    record UpdateBody(String subdomain, String instanceUrl, WhatsAppBody whatsapp) {}

    /** The {@code whatsapp} object of both. */
    record WhatsAppBody(
            String phoneNumber,
            String phoneId,
            String provider,
            String accessToken,
            String twilioAccountSid,
            String twilioAuthToken) {
        @Override
        public String toString() {
            return "WhatsAppBody[phoneNumber=" + phoneNumber + ", phoneId=" + phoneId + ", provider=" + provider
                    + ", twilioAccountSid=" + twilioAccountSid + ", secrets=***]";
        }
    }
}
