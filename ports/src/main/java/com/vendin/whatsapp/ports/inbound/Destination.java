package com.vendin.whatsapp.ports.inbound;

import java.util.Objects;
import java.util.Optional;

/**
 * The number a message was written to, as the provider named it: Meta's {@code metadata.phone_number_id}
 * and {@code display_phone_number}, or Twilio's {@code To} (then {@code phoneId} is empty).
 */
public record Destination(Optional<String> phoneId, String number) {
    public Destination {
        Objects.requireNonNull(phoneId, "phoneId");
        Objects.requireNonNull(number, "number");
    }
}
