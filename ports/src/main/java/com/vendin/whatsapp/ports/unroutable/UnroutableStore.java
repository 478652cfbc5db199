package com.vendin.whatsapp.ports.unroutable;

import com.vendin.whatsapp.ports.inbound.InboundMessage;
import com.vendin.whatsapp.ports.inbound.RoutingDecision;
import java.time.Instant;
import java.util.Optional;

/** The recorded messages that matched no tenant, and the one step that routes such a message after all. */
public interface UnroutableStore {

    /** The message recorded {@code unroutable} under {@code inboundId}, if there is one. */
    Optional<InboundMessage> find(long inboundId);

    /**
     * Turns unroutable message {@code inboundId} into a {@code received} message of {@code decision}'s tenant and
     * thread, due for delivery at {@code now}, keeping its row and provider message id (so it is never delivered
     * twice); false when it is not unroutable (any more).
     */
    boolean route(long inboundId, RoutingDecision.Routed decision, Instant now);
}
