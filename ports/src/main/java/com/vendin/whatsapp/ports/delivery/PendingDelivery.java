package com.vendin.whatsapp.ports.delivery;

import com.vendin.whatsapp.ports.inbound.InboundMessage;
import com.vendin.whatsapp.ports.inbound.Role;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.util.Objects;

/** A recorded, routed message claimed for delivery to its tenant; {@code attempts} counts the failed tries so far. */
public record PendingDelivery(long id, TenantId tenantId, Role role, PhoneNumber thread, InboundMessage message,
                              int attempts) {
    public PendingDelivery {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(message, "message");
    }
}
