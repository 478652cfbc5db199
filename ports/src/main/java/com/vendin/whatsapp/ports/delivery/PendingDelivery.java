package com.vendin.whatsapp.ports.delivery;

import com.vendin.whatsapp.ports.inbound.InboundMessage;
import com.vendin.whatsapp.ports.inbound.Role;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * A recorded, routed message claimed for delivery to its tenant; {@code attempts} counts the failed tries so far
 * and {@code recordedAt} is when the gateway recorded it (the webhook was acknowledged right after).
 */
public record PendingDelivery(long id, TenantId tenantId, Role role, PhoneNumber thread, InboundMessage message,
                              int attempts, Instant recordedAt) {
    public PendingDelivery {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
