package com.vendin.whatsapp.persistence.message;

import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.db.Dialect;
import com.vendin.whatsapp.persistence.db.WritePurpose;
import com.vendin.whatsapp.ports.status.StatusOutbox;
import com.vendin.whatsapp.ports.status.TenantStatusEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Status events for tenants in {@code tenant_status_events}, written by {@link JdbiOutboundQueue} and
 * {@link Statuses} with the part change that causes them. Only the earliest pending event of a part is
 * claimable, so a part's statuses go out in order; claims are atomic (SKIP LOCKED on PostgreSQL).
 */
public final class JdbiStatusOutbox implements StatusOutbox {
    private final Database db;

    public JdbiStatusOutbox(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public List<TenantStatusEvent> claimDue(Instant now, Duration lease, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        long at = now.toEpochMilli();
        return db.inWrite(WritePurpose.STATUS_EVENTS, handle -> {
            if (Dialect.of(handle) == Dialect.POSTGRES) {
                return StatusEventDao.claimSkippingLocked(handle, at, at + lease.toMillis(), limit);
            }
            List<TenantStatusEvent> due = StatusEventDao.claimable(handle, at, limit);
            if (!due.isEmpty()) {
                StatusEventDao.lease(
                        handle, due.stream().map(TenantStatusEvent::id).toList(), at + lease.toMillis());
            }
            return due;
        });
    }

    @Override
    public void markDelivered(long eventId, Instant now) {
        db.useWrite(
                WritePurpose.STATUS_EVENTS,
                handle -> StatusEventDao.update(
                        handle, StatusEventDao.DELIVERED, eventId, null, null, now.toEpochMilli()));
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
        db.useWrite(
                WritePurpose.STATUS_EVENTS,
                handle ->
                        StatusEventDao.update(handle, StatusEventDao.DECLINE, eventId, null, null, now.toEpochMilli()));
    }

    @Override
    public int releaseLeases() {
        return db.inWrite(
                handle -> handle.createUpdate(StatusEventDao.RELEASE_LEASES).execute());
    }
}
