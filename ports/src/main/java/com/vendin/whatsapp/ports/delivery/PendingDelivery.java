package com.vendin.whatsapp.ports.delivery;

import com.vendin.whatsapp.ports.inbound.InboundMessage;
import com.vendin.whatsapp.ports.inbound.Role;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A recorded, routed message claimed for delivery to its tenant; {@code attempts} counts the failed tries so far
 * and {@code recordedAt} is when the gateway recorded it (the webhook was acknowledged right after).
 * {@code threadId} is the thread it was recorded in (a canonical phone, or {@code user:<BSUID>}) and
 * {@code phone} the sender's canonical phone when it was known.
 */
public record PendingDelivery(
        long id,
        TenantId tenantId,
        Role role,
        String threadId,
        Optional<PhoneNumber> phone,
        InboundMessage message,
        int attempts,
        Instant recordedAt) {
    public PendingDelivery {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(threadId, "threadId");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    /** A delivery of a sender known by phone, whose thread is that phone. */
    public PendingDelivery(
            long id,
            TenantId tenantId,
            Role role,
            PhoneNumber thread,
            InboundMessage message,
            int attempts,
            Instant recordedAt) {
        this(id, tenantId, role, thread.e164(), Optional.of(thread), message, attempts, recordedAt);
    }
}
