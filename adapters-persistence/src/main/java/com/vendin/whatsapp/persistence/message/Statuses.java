package com.vendin.whatsapp.persistence.message;

import com.vendin.whatsapp.ports.inbound.DeliveryStatus;
import com.vendin.whatsapp.ports.inbound.StatusUpdate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Applies provider statuses to sent parts (by {@link StatusRules}), or keeps them until the send is recorded. */
final class Statuses {
    /** Early statuses nobody claimed within this time are dropped (they named a message sent outside the outbox). */
    static final Duration EARLY_RETENTION = Duration.ofDays(1);

    private Statuses() {
    }

    /** Inside the caller's write transaction. */
    static void apply(Handle handle, List<StatusUpdate> updates, long now) {
        if (updates.isEmpty()) {
            return;
        }
        OutboundDao parts = handle.attach(OutboundDao.class);
        EarlyStatusDao early = handle.attach(EarlyStatusDao.class);
        for (StatusUpdate update : updates) {
            Optional<PartState> part = parts.findByProviderId(update.providerMessageId());
            if (part.isPresent()) {
                applyToPart(parts, part.get(), update, now);
            } else {
                keepEarly(early, update, now);
            }
        }
        early.prune(now - EARLY_RETENTION.toMillis());
    }

    /** The state a part takes when the provider accepts it, given an early status kept for its id. */
    static DeliveryStatus acceptedState(Optional<EarlyStatus> early) {
        return early.map(EarlyStatus::status)
                .filter(status -> StatusRules.advances(DeliveryStatus.SENT, status))
                .orElse(DeliveryStatus.SENT);
    }

    private static void applyToPart(OutboundDao parts, PartState part, StatusUpdate update, long now) {
        Optional<DeliveryStatus> current = DeliveryStatus.fromWire(part.state());
        if (current.isPresent() && !StatusRules.advances(current.get(), update.status())) {
            return;
        }
        boolean failed = update.status() == DeliveryStatus.FAILED;
        parts.setStatus(part.id(), update.status().wireName(),
                failed ? update.errorCode().orElse(null) : null,
                failed ? update.errorTitle().orElse(null) : null, now);
    }

    private static void keepEarly(EarlyStatusDao early, StatusUpdate update, long now) {
        Optional<EarlyStatus> kept = early.find(update.providerMessageId());
        if (kept.isPresent() && !StatusRules.advances(kept.get().status(), update.status())) {
            return;
        }
        early.put(update.providerMessageId(), update.provider().wireName(), update.status().wireName(),
                update.errorCode().orElse(null), update.errorTitle().orElse(null),
                update.timestamp().toEpochMilli(), now);
    }
}
