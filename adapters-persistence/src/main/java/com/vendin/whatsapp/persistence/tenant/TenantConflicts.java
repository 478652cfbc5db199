package com.vendin.whatsapp.persistence.tenant;

import com.vendin.whatsapp.ports.common.GatewayRejection;
import java.util.Locale;

/** The conflicts a tenant write can meet, checked inside the write transaction or read off a unique violation. */
final class TenantConflicts {
    private TenantConflicts() {}

    static GatewayRejection tenantExists() {
        return GatewayRejection.conflict("tenant_exists", "a tenant with this id already exists");
    }

    static GatewayRejection subdomainTaken() {
        return GatewayRejection.conflict("subdomain_taken", "the subdomain belongs to another tenant");
    }

    static GatewayRejection phoneNumberTaken() {
        return GatewayRejection.conflict("phone_number_taken", "the WhatsApp number belongs to another tenant");
    }

    static void checkUnique(TenantDao dao, TenantRow row) {
        if (dao.subdomainTakenByOther(row.subdomain(), row.id())) {
            throw subdomainTaken();
        }
        if (row.phoneNumber() != null && dao.numberTakenByOther(row.phoneNumber(), row.id())) {
            throw phoneNumberTaken();
        }
    }

    /** The rejection a unique violation stands for (a race the checks could not see), or the failure itself. */
    static RuntimeException translate(RuntimeException failure) {
        String text = messages(failure);
        if (!text.contains("unique") && !text.contains("duplicate key")) {
            return failure;
        }
        if (text.contains("whatsapp_phone_number")) {
            return phoneNumberTaken();
        }
        if (text.contains("subdomain")) {
            return subdomainTaken();
        }
        return tenantExists();
    }

    static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(' ').append(t.getMessage());
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }
}
