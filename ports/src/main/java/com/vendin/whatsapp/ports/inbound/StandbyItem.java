package com.vendin.whatsapp.ports.inbound;

import com.vendin.whatsapp.ports.common.Provider;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One item of a Meta {@code standby} change (a conversation that Meta Business Agent holds): a customer's
 * message, an echo of the agent's reply, or a receipt. {@code key} is unique per item (the message id, or the
 * status id with its status); {@code sender} is the phone or BSUID it names, when any.
 */
public record StandbyItem(
        Provider provider,
        String key,
        Kind kind,
        Destination to,
        Optional<String> sender,
        String type,
        String text,
        Instant timestamp) {

    /** What the item was. */
    public enum Kind {
        MESSAGE,
        ECHO,
        STATUS;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public StandbyItem {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(timestamp, "timestamp");
        if (key.isBlank()) {
            throw new IllegalArgumentException("key must not be blank");
        }
    }
}
