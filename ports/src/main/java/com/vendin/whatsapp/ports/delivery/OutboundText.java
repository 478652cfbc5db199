package com.vendin.whatsapp.ports.delivery;

import java.util.Objects;
import java.util.Optional;

/**
 * A text to send: from which account, {@code to} whom (as the provider spelled the sender), and what;
 * {@code correlationId} (see {@link PartCorrelation}) is handed to the provider to be echoed in its statuses.
 */
public record OutboundText(SenderAccount from, String to, String text, Optional<String> correlationId) {
    public OutboundText {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(correlationId, "correlationId");
    }

    /** A text without a correlation id. */
    public OutboundText(SenderAccount from, String to, String text) {
        this(from, to, text, Optional.empty());
    }
}
