package com.vendin.whatsapp.ports.inbound;

import java.util.Locale;

/** Where an inbound message is in its life (CONTRACT §5.4). */
public enum InboundState {
    /** Recorded and routed; waiting to be (or being) delivered to the tenant. */
    RECEIVED,
    /** The tenant accepted it; its reply, if any, is queued. */
    FORWARDED,
    /** Every part of the tenant's reply was accepted by the provider. */
    REPLIED,
    RATE_LIMITED,
    UNROUTABLE,
    /** Delivery to the tenant gave up. */
    DEAD;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static InboundState fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
