package com.vendin.whatsapp.ports.delivery;

import java.util.Objects;

/** A text to send: from which account, {@code to} whom (as the provider spelled the sender), and what. */
public record OutboundText(SenderAccount from, String to, String text) {
    public OutboundText {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
    }
}
