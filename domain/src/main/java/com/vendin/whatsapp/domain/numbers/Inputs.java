package com.vendin.whatsapp.domain.numbers;

import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.tenant.TenantId;

/** Checks shared by the provisioning services. */
final class Inputs {
    private Inputs() {}

    static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw GatewayRejection.invalid("invalid_request", "Field " + field + " is required.");
        }
        return value.strip();
    }

    static GatewayRejection tenantNotFound(TenantId tenant) {
        return GatewayRejection.notFound("tenant_not_found", "No tenant with id '" + tenant + "'.");
    }
}
