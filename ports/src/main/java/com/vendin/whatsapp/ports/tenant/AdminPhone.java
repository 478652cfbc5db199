package com.vendin.whatsapp.ports.tenant;

import com.vendin.whatsapp.ports.phone.PhoneNumber;
import java.time.Instant;
import java.util.Objects;

/** A store owner's phone registered to a tenant ({@code role} is {@code owner} or {@code admin}). */
public record AdminPhone(
        String id,
        TenantId tenantId,
        String userId,
        PhoneNumber phone,
        String role,
        Instant verifiedAt,
        Instant createdAt) {
    public AdminPhone {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(verifiedAt, "verifiedAt");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
