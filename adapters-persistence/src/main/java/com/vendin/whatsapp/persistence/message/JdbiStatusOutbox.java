package com.vendin.whatsapp.persistence.message;

import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.db.Dialect;
import com.vendin.whatsapp.persistence.db.WritePurpose;
import com.vendin.whatsapp.ports.status.StatusOutbox;
import com.vendin.whatsapp.ports.status.TenantStatusEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jdbi.v3.core.Handle;

/**
 * Status events for tenants in {@code tenant_status_events}, written by {@link JdbiOutboundQueue} and
 * {@link Statuses} with the part change that causes them. Only the earliest pending event of a part is
 * claimable, so a part's statuses go out in order; claims are atomic (SKIP LOCKED on PostgreSQL).
 *
 * <p>An event the tenant accepted is not written at once: {@link #markDelivered} keeps its id, and the next claim
 * marks every kept id delivered in one statement of its own transaction, before it chooses what is due (so the
 * part's next event can be claimed right after). Delivery to tenants is at least once (CONTRACT §3.4): an id kept
 * when the process stops is posted again once its lease ran out.
 */
public final class JdbiStatusOutbox implements StatusOutbox {
    private final Database db;
    private final Queue<Long> delivered = new ConcurrentLinkedQueue<>();

    public JdbiStatusOutbox(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public List<TenantStatusEvent> claimDue(Instant now, Duration lease, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        long at = now.toEpochMilli();
        List<Long> accepted = new ArrayList<>();
        for (Long id; (id = delivered.poll()) != null; ) {
            accepted.add(id);
        }
        try {
            return db.inWrite(WritePurpose.STATUS_EVENTS, handle -> {
                markDelivered(handle, accepted, at);
                return claim(handle, at, lease, limit);
            });
        } catch (RuntimeException e) {
            delivered.addAll(accepted);
            throw e;
        }
    }

    private static void markDelivered(Handle handle, List<Long> ids, long now) {
        InLists.update(handle, StatusEventDao.DELIVERED_ALL, ids, now);
    }

    private static List<TenantStatusEvent> claim(Handle handle, long at, Duration lease, int limit) {
        if (Dialect.of(handle) == Dialect.POSTGRES) {
            return StatusEventDao.claimSkippingLocked(handle, at, at + lease.toMillis(), limit);
        }
        List<TenantStatusEvent> due = StatusEventDao.claimable(handle, at, limit);
        if (!due.isEmpty()) {
            StatusEventDao.lease(handle, due.stream().map(TenantStatusEvent::id).toList(), at + lease.toMillis());
        }
        return due;
    }

    /** Kept until the next claim, which writes it with every other one kept (see the class comment). */
    @Override
    public void markDelivered(long eventId, Instant now) {
        delivered.add(eventId);
    }

    @Override
    public void retryLater(long eventId, Instant nextAttemptAt, String error, Instant now) {
        db.useWrite(
                WritePurpose.STATUS_EVENTS,
                handle -> StatusEventDao.update(
                        handle,
                        StatusEventDao.RETRY,
                        eventId,
                        nextAttemptAt.toEpochMilli(),
                        JdbiDeliveryQueue.clip(error),
                        now.toEpochMilli()));
    }

    @Override
    public void markDead(long eventId, String error, Instant now) {
        db.useWrite(
                WritePurpose.STATUS_EVENTS,
                handle -> StatusEventDao.update(
                        handle, StatusEventDao.DEAD, eventId, null, JdbiDeliveryQueue.clip(error), now.toEpochMilli()));
    }

    @Override
    public void decline(long eventId, Instant now) {
        db.useWrite(WritePurpose.STATUS_EVENTS, handle -> {
            handle.createQuery("SELECT part_id FROM tenant_status_events WHERE id = :id")
                    .bind("id", eventId)
                    .mapTo(Long.class)
                    .findOne()
                    .ifPresent(partId -> Dialect.lock(handle, StatusEventDao.partLock(partId)));
            StatusEventDao.update(handle, StatusEventDao.DECLINE, eventId, null, null, now.toEpochMilli());
        });
    }

    @Override
    public int releaseLeases() {
        return db.inWrite(
                handle -> handle.createUpdate(StatusEventDao.RELEASE_LEASES).execute());
    }
}
