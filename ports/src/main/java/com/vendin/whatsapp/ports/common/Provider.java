package com.vendin.whatsapp.ports.common;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A WhatsApp provider, with the name used on the wire and in the database. */
public enum Provider {
    FACEBOOK("facebook"),
    TWILIO("twilio");

    private final String wireName;

    Provider(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Provider> fromWire(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.wireName.equals(lower)).findFirst();
    }
}
