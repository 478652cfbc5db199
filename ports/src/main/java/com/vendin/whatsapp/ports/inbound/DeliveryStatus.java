package com.vendin.whatsapp.ports.inbound;

import java.util.Locale;
import java.util.Optional;

/**
 * The state of an outbound part as the provider reports it. Statuses only move forward
 * ({@code SENT < DELIVERED < READ}); {@code FAILED} is terminal.
 */
public enum DeliveryStatus {
    SENT(1),
    DELIVERED(2),
    READ(3),
    FAILED(4);

    private final int rank;

    DeliveryStatus(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DeliveryStatus> fromWire(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (DeliveryStatus s : values()) {
            if (s.wireName().equals(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
