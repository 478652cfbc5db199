package com.vendin.whatsapp.ports.inbound;

import java.util.Locale;

/** Why a message matched no tenant. */
public enum UnroutableReason {
    /** Written to the platform number by a phone no store registered. */
    UNREGISTERED_ADMIN,
    /** Written to a number no store has. */
    UNKNOWN_STORE_NUMBER,
    /** The sender is not a phone number the gateway can read. */
    INVALID_SENDER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static UnroutableReason fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
