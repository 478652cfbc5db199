package com.vendin.whatsapp.persistence.message;

import com.vendin.whatsapp.ports.inbound.DeliveryStatus;

/**
 * Whether a provider status moves a sent part forward. {@code SENT < DELIVERED < READ}; nothing moves
 * backwards; {@code FAILED} is terminal, and it is taken only while the part is {@code SENT}: a
 * {@code failed} that arrives after {@code delivered} or {@code read} is ignored, because the message
 * demonstrably reached the phone and the late report cannot undo that.
 */
final class StatusRules {
    private StatusRules() {}

    static boolean advances(DeliveryStatus current, DeliveryStatus next) {
        if (current == DeliveryStatus.FAILED) {
            return false;
        }
        if (next == DeliveryStatus.FAILED) {
            return current == DeliveryStatus.SENT;
        }
        return next.rank() > current.rank();
    }
}
