package com.vendin.whatsapp.ports.delivery;

/**
 * Marks an inbound message read and shows "typing…" to its sender (CONTRACT §3.5); best effort: never throws,
 * returns quickly (a short timeout), and whether it worked changes nothing else.
 */
@FunctionalInterface
public interface TypingIndicator {
    void show(SenderAccount from, String inboundMessageId);
}
