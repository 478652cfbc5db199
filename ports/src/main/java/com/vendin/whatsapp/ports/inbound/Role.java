package com.vendin.whatsapp.ports.inbound;

import java.util.Locale;

/** In which role the sender writes: a store's customer, or a store's owner writing to the platform number. */
public enum Role {
    ADMIN,
    CUSTOMER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
