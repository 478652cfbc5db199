package com.vendin.whatsapp.ports.inbound;

import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.util.Objects;

/** The outcome of routing one message (CONTRACT §2.3). */
public sealed interface RoutingDecision {

    /** The message belongs to {@code tenantId} in {@code role}; {@code thread} is the sender in canonical E.164. */
    record Routed(TenantId tenantId, Role role, PhoneNumber thread) implements RoutingDecision {
        public Routed {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(thread, "thread");
        }
    }

    /** No tenant: recorded, acknowledged, never forwarded. */
    record Unroutable(UnroutableReason reason) implements RoutingDecision {
        public Unroutable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
