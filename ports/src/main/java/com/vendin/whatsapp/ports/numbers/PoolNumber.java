package com.vendin.whatsapp.ports.numbers;

import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A number of the platform's WhatsApp Business Account kept in the pool (CONTRACT §5.3, option B). */
public record PoolNumber(
        PhoneNumber phoneNumber,
        String phoneId,
        PoolStatus status,
        Optional<TenantId> assignedTenant,
        Instant createdAt,
        Instant updatedAt) {
    public PoolNumber {
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        Objects.requireNonNull(phoneId, "phoneId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(assignedTenant, "assignedTenant");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (phoneId.isBlank()) {
            throw new IllegalArgumentException("a pool number needs its Meta phone id");
        }
        if ((status == PoolStatus.ASSIGNED) != assignedTenant.isPresent()) {
            throw new IllegalArgumentException("exactly the assigned numbers have a tenant");
        }
    }
}
