package com.vendin.whatsapp.ports.otp;

import com.vendin.whatsapp.ports.tenant.AdminPhone;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Use case: a store owner proves a phone is theirs with a one-time code sent to it over WhatsApp, and
 * the platform lists and removes a tenant's admin phones (CONTRACT §5.2). Inputs are raw as sent;
 * rejections are {@link com.vendin.whatsapp.ports.common.GatewayRejection}s.
 */
public interface RegisterAdminPhone {

    /** Sends a fresh code to the phone and returns when it expires. */
    Instant requestCode(RequestCode command);

    /** Checks the code and registers the phone to the tenant. */
    AdminPhone confirm(ConfirmCode command);

    List<AdminPhone> list(TenantId tenantId);

    void remove(TenantId tenantId, String phone);

    /** {@code POST /api/v1/tenants/{id}/admin-phones/verifications}. */
    record RequestCode(TenantId tenantId, String phone, String userId) {
        public RequestCode {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(phone, "phone");
            Objects.requireNonNull(userId, "userId");
        }
    }

    /** {@code POST /api/v1/tenants/{id}/admin-phones}; the code never appears in {@code toString}. */
    record ConfirmCode(TenantId tenantId, String phone, String otp, String userId) {
        public ConfirmCode {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(phone, "phone");
            Objects.requireNonNull(otp, "otp");
            Objects.requireNonNull(userId, "userId");
        }

        @Override
        public String toString() {
            return "ConfirmCode[" + tenantId + " " + phone + " user=" + userId + " otp=***]";
        }
    }
}
