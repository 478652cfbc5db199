package com.vendin.whatsapp.ports.inbound;

import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.util.Objects;
import java.util.Optional;

/** The outcome of routing one message (CONTRACT §2.3). */
public sealed interface RoutingDecision {

    /**
     * The message belongs to {@code tenantId} in {@code role}, in thread {@code threadId} (the sender's canonical
     * E.164, or {@code user:<BSUID>} for a person first seen without a phone, CONTRACT §2.4); {@code phone} is
     * the sender's canonical phone when known.
     */
    record Routed(TenantId tenantId, Role role, String threadId, Optional<PhoneNumber> phone)
            implements RoutingDecision {
        public Routed {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(threadId, "threadId");
            Objects.requireNonNull(phone, "phone");
            if (threadId.isBlank()) {
                throw new IllegalArgumentException("threadId must not be blank");
            }
        }

        /** A sender known by phone, whose thread is that phone. */
        public Routed(TenantId tenantId, Role role, PhoneNumber thread) {
            this(tenantId, role, thread.e164(), Optional.of(thread));
        }
    }

    /** No tenant: recorded, acknowledged, never forwarded. */
    record Unroutable(UnroutableReason reason) implements RoutingDecision {
        public Unroutable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
