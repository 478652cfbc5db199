package com.vendin.whatsapp.persistence.message;

import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.db.Dialect;
import com.vendin.whatsapp.persistence.db.WritePurpose;
import com.vendin.whatsapp.ports.delivery.OutboundQueue;
import com.vendin.whatsapp.ports.delivery.PendingPart;
import com.vendin.whatsapp.ports.inbound.DeliveryStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reply parts waiting to be sent, in {@code outbound_messages}. Only the earliest pending part of each
 * thread is claimable, so parts and replies leave in order; claims are atomic. Transitions apply only
 * to a part still {@code pending}.
 */
public final class JdbiOutboundQueue implements OutboundQueue {
    private static final Logger LOG = LoggerFactory.getLogger(JdbiOutboundQueue.class);

    private final Database db;

    public JdbiOutboundQueue(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public List<PendingPart> claimDue(Instant now, Duration lease, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        long at = now.toEpochMilli();
        return db.inWrite(WritePurpose.SEND_CLAIM, handle -> {
            if (Dialect.of(handle) == Dialect.POSTGRES) {
                return OutboundDao.claimSkippingLocked(handle, at, at + lease.toMillis(), limit);
            }
            List<PendingPart> due = OutboundDao.claimable(handle, at, limit);
            if (!due.isEmpty()) {
                OutboundDao.lease(handle, due.stream().map(PendingPart::id).toList(), at + lease.toMillis());
            }
            return due;
        });
    }

    /** Also applies (and removes) a status that arrived for {@code providerMessageId} before this call. */
    @Override
    public void markAccepted(long partId, String providerMessageId, Instant now) {
        long at = now.toEpochMilli();
        db.useWrite(WritePurpose.SEND_RESULT, handle -> {
            Dialect.lock(handle, Statuses.providerIdLock(providerMessageId));
            Optional<EarlyStatus> kept = EarlyStatusDao.find(handle, providerMessageId);
            DeliveryStatus state = Statuses.acceptedState(kept);
            Optional<EarlyStatus> failure = kept.filter(s -> state == DeliveryStatus.FAILED);
            Optional<Optional<Long>> accepted = OutboundDao.accept(
                    handle,
                    partId,
                    providerMessageId,
                    state.wireName(),
                    failure.map(EarlyStatus::errorCode).orElse(null),
                    failure.map(EarlyStatus::errorTitle).orElse(null),
                    at);
            if (accepted.isEmpty()) {
                if (OutboundDao.findByProviderId(handle, providerMessageId)
                        .filter(p -> p.id() == partId)
                        .isPresent()) {
                    LOG.debug("outbound part {} was already recorded as {} from a status", partId, providerMessageId);
                } else {
                    LOG.warn(
                            "outbound part {} is not pending any more; acceptance as {} ignored",
                            partId,
                            providerMessageId);
                }
                return;
            }
            kept.ifPresent(s -> EarlyStatusDao.remove(handle, providerMessageId));
            StatusEventDao.record(
                    handle, partId, state, failure.map(EarlyStatus::errorCode).orElse(null), at, at);
            accepted.get().ifPresent(inboundId -> Statuses.markRepliedIfAllAccepted(handle, inboundId, at));
        });
    }

    @Override
    public void recordMediaId(long partId, String mediaId, Instant now) {
        db.useWrite(
                WritePurpose.SEND_RESULT,
                handle -> ignoredUnlessChanged(
                        partId,
                        "media id",
                        handle.attach(OutboundDao.class)
                                .recordMediaId(partId, JdbiDeliveryQueue.clip(mediaId), now.toEpochMilli())));
    }

    @Override
    public void retryLater(long partId, Instant nextAttemptAt, String errorCode, Instant now) {
        db.useWrite(
                WritePurpose.SEND_RESULT,
                handle -> ignoredUnlessChanged(
                        partId,
                        "retry",
                        handle.attach(OutboundDao.class)
                                .retryLater(
                                        partId,
                                        nextAttemptAt.toEpochMilli(),
                                        JdbiDeliveryQueue.clip(errorCode),
                                        now.toEpochMilli())));
    }

    /** Counts the attempt, like {@link #retryLater}, and keeps the part out of every later claim. */
    @Override
    public void markFailed(long partId, String errorCode, String detail, Instant now) {
        long at = now.toEpochMilli();
        db.useWrite(WritePurpose.SEND_RESULT, handle -> {
            int changed = handle.attach(OutboundDao.class)
                    .markFailed(partId, JdbiDeliveryQueue.clip(errorCode), JdbiDeliveryQueue.clip(detail), at);
            ignoredUnlessChanged(partId, "failure", changed);
            if (changed > 0) {
                StatusEventDao.record(handle, partId, DeliveryStatus.FAILED, JdbiDeliveryQueue.clip(errorCode), at, at);
            }
        });
    }

    @Override
    public int releaseLeases() {
        return db.inWrite(handle -> handle.attach(OutboundDao.class).releaseLeases());
    }

    private static void ignoredUnlessChanged(long partId, String what, int changed) {
        if (changed == 0) {
            LOG.warn("outbound part {} is not pending any more; {} ignored", partId, what);
        }
    }
}
