package com.vendin.whatsapp.ports.delivery;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of media a reply may carry (CONTRACT §3.1), named as on the wire. */
public enum MediaKind {
    IMAGE,
    VIDEO,
    AUDIO,
    DOCUMENT,
    STICKER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MediaKind> fromWire(String name) {
        return Arrays.stream(values())
                .filter(kind -> kind.wireName().equals(name))
                .findFirst();
    }
}
