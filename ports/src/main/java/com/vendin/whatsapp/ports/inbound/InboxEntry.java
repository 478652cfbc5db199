package com.vendin.whatsapp.ports.inbound;

import java.util.Objects;

/**
 * A message with its routing decision, ready to record. {@code state} is {@code RECEIVED} for a routed
 * message to deliver, {@code RATE_LIMITED} for a routed one over the limit, {@code UNROUTABLE} otherwise.
 */
public record InboxEntry(InboundMessage message, RoutingDecision decision, InboundState state) {
    public InboxEntry {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(state, "state");
        boolean routed = decision instanceof RoutingDecision.Routed;
        if (routed == (state == InboundState.UNROUTABLE)) {
            throw new IllegalArgumentException("state " + state + " does not fit decision " + decision);
        }
    }
}
