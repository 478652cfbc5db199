package com.vendin.whatsapp.persistence.message;

import com.vendin.whatsapp.persistence.db.Dialect;
import com.vendin.whatsapp.ports.delivery.PartCorrelation;
import com.vendin.whatsapp.ports.inbound.DeliveryStatus;
import com.vendin.whatsapp.ports.inbound.StatusUpdate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies provider statuses to sent parts (by {@link StatusRules}). A status naming an unknown provider id
 * but carrying the correlation id of a part still waiting for acceptance records that send first (its answer
 * was lost, e.g. in a crash, or is not recorded yet), so the part is never sent again; any other status is
 * kept until the send is recorded.
 */
final class Statuses {
    private static final Logger LOG = LoggerFactory.getLogger(Statuses.class);
    /** Early statuses nobody claimed within this time are dropped (they named a message sent outside the outbox). */
    static final Duration EARLY_RETENTION = Duration.ofDays(1);

    private Statuses() {}

    /** Inside the caller's write transaction. */
    static void apply(Handle handle, List<StatusUpdate> updates, long now) {
        if (updates.isEmpty()) {
            return;
        }
        // A status and the acceptance of the send it names (markAccepted) take the same key, so one of them
        // always sees the other: a status is never kept early after the send was recorded, nor lost.
        Dialect.lock(
                handle,
                updates.stream().map(u -> providerIdLock(u.providerMessageId())).toList());
        for (StatusUpdate update : updates) {
            Optional<PartState> part = OutboundDao.findByProviderId(handle, update.providerMessageId())
                    .or(() -> reconcile(handle, update, now));
            if (part.isPresent()) {
                applyToPart(handle, part.get(), update, now);
            } else {
                keepEarly(handle, update, now);
            }
        }
        EarlyStatusDao.prune(handle, now - EARLY_RETENTION.toMillis());
    }

    /** The lock key of the statuses and acceptance of one provider message id. */
    static String providerIdLock(String providerMessageId) {
        return "provider-message:" + providerMessageId;
    }

    /**
     * Marks the inbound message replied once none of its parts waits for acceptance; parts accepted at once in
     * two transactions take turns here, so the later one sees the earlier.
     */
    static void markRepliedIfAllAccepted(Handle handle, long inboundId, long now) {
        Dialect.lock(handle, "inbound-replied:" + inboundId);
        InboundDao.markRepliedIfAllAccepted(handle, inboundId, now);
    }

    /** The state a part takes when the provider accepts it, given an early status kept for its id. */
    static DeliveryStatus acceptedState(Optional<EarlyStatus> early) {
        return early.map(EarlyStatus::status)
                .filter(status -> StatusRules.advances(DeliveryStatus.SENT, status))
                .orElse(DeliveryStatus.SENT);
    }

    /** Marks the part the status's correlation id names accepted with the status's provider id, if still pending. */
    private static Optional<PartState> reconcile(Handle handle, StatusUpdate update, long now) {
        Optional<PartState> waiting = update.correlationId()
                .flatMap(PartCorrelation::partId)
                .flatMap(id ->
                        OutboundDao.findUnaccepted(handle, id, update.provider().wireName()));
        if (waiting.isEmpty()) {
            return Optional.empty();
        }
        long id = waiting.get().id();
        Optional<Optional<Long>> accepted = OutboundDao.accept(
                handle, id, update.providerMessageId(), DeliveryStatus.SENT.wireName(), null, null, now);
        if (accepted.isEmpty()) {
            return Optional.empty();
        }
        StatusEventDao.record(
                handle, id, DeliveryStatus.SENT, null, update.timestamp().toEpochMilli(), now);
        LOG.info(
                "outbound part {} recorded as accepted with {} from the provider's status (its send answer was not)",
                id,
                update.providerMessageId());
        accepted.get().ifPresent(inboundId -> markRepliedIfAllAccepted(handle, inboundId, now));
        return Optional.of(new PartState(id, DeliveryStatus.SENT.wireName()));
    }

    private static void applyToPart(Handle handle, PartState part, StatusUpdate update, long now) {
        Optional<DeliveryStatus> current = DeliveryStatus.fromWire(part.state());
        if (current.isPresent() && !StatusRules.advances(current.get(), update.status())) {
            return;
        }
        boolean failed = update.status() == DeliveryStatus.FAILED;
        OutboundDao.setStatus(
                handle,
                part.id(),
                update.status().wireName(),
                failed ? update.errorCode().orElse(null) : null,
                failed ? update.errorTitle().orElse(null) : null,
                now);
        StatusEventDao.record(
                handle,
                part.id(),
                update.status(),
                update.errorCode().orElse(null),
                update.timestamp().toEpochMilli(),
                now);
    }

    private static void keepEarly(Handle handle, StatusUpdate update, long now) {
        Optional<EarlyStatus> kept = EarlyStatusDao.find(handle, update.providerMessageId());
        if (kept.isPresent() && !StatusRules.advances(kept.get().status(), update.status())) {
            return;
        }
        EarlyStatusDao.put(
                handle,
                update.providerMessageId(),
                update.provider().wireName(),
                update.status().wireName(),
                update.errorCode().orElse(null),
                update.errorTitle().orElse(null),
                update.timestamp().toEpochMilli(),
                now);
    }
}
