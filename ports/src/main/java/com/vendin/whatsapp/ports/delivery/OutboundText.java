package com.vendin.whatsapp.ports.delivery;

import java.util.Objects;
import java.util.Optional;

/**
 * A text to send: from which account, {@code to} whom (as the provider spelled the sender), and what;
 * {@code correlationId} (see {@link PartCorrelation}) is handed to the provider to be echoed in its statuses.
 * With a {@code template} the message is that template ({@code text} is then only its summary).
 */
public record OutboundText(SenderAccount from, String to, String text, Optional<String> correlationId,
                           Optional<TemplateMessage> template) {
    public OutboundText {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(template, "template");
    }

    /** A plain text. */
    public OutboundText(SenderAccount from, String to, String text, Optional<String> correlationId) {
        this(from, to, text, correlationId, Optional.empty());
    }

    /** A text without a correlation id. */
    public OutboundText(SenderAccount from, String to, String text) {
        this(from, to, text, Optional.empty());
    }
}
