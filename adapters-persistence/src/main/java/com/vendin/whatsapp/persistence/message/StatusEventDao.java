package com.vendin.whatsapp.persistence.message;

import com.vendin.whatsapp.persistence.db.Dialect;
import com.vendin.whatsapp.ports.inbound.DeliveryStatus;
import com.vendin.whatsapp.ports.status.TenantStatusEvent;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/** SQL of {@code tenant_status_events} (CONTRACT §3.4), on the handle's fluent API like {@link OutboundDao}. */
final class StatusEventDao {

    /**
     * A part's new state, unless its tenant declined the part's statuses (answered 404 to an earlier one); its
     * {@code reply_to} is the message a reply part answers, or the {@code replyTo} a tenant-initiated part was sent with.
     */
    static final String RECORD = "INSERT INTO tenant_status_events (part_id, tenant_id, reply_to, status, error_code, "
            + "status_at, state, attempts, next_attempt_at, created_at, updated_at) "
            + "SELECT o.id, o.tenant_id, COALESCE(i.provider_message_id, o.reply_to), :status, :errorCode, :statusAt, "
            + "'pending', 0, :now, :now, :now FROM outbound_messages o LEFT JOIN inbound_messages i ON i.id = o.inbound_id "
            + "WHERE o.id = :partId AND NOT EXISTS (SELECT 1 FROM tenant_status_events d "
            + "WHERE d.part_id = o.id AND d.state = 'declined')";

    private static final String HEADS = "FROM tenant_status_events e WHERE e.state = 'pending' "
            + "AND e.next_attempt_at <= :now AND (e.lease_until IS NULL OR e.lease_until <= :now) "
            + "AND NOT EXISTS (SELECT 1 FROM tenant_status_events p WHERE p.state = 'pending' "
            + "AND p.part_id = e.part_id AND p.id < e.id) ORDER BY e.next_attempt_at, e.id LIMIT :limit";

    static final String CLAIMABLE = "SELECT e.id, e.part_id, e.tenant_id, e.reply_to, e.status, e.error_code, "
            + "e.status_at, e.attempts " + HEADS;

    static final String LEASE = "UPDATE tenant_status_events SET lease_until = :leaseUntil WHERE id IN (<ids>)";

    /** PostgreSQL: the heads {@link #CLAIMABLE} picks, locked with {@code SKIP LOCKED} and leased in one statement. */
    static final String CLAIM_SKIPPING_LOCKED = "WITH locked AS (SELECT e.id " + HEADS + " FOR UPDATE SKIP LOCKED), "
            + "claimed AS (UPDATE tenant_status_events u SET lease_until = :leaseUntil FROM locked "
            + "WHERE u.id = locked.id RETURNING u.id, u.part_id, u.tenant_id, u.reply_to, u.status, u.error_code, "
            + "u.status_at, u.attempts, u.next_attempt_at) SELECT * FROM claimed ORDER BY next_attempt_at, id";

    static final String DELIVERED_ALL = "UPDATE tenant_status_events SET state = 'delivered', lease_until = NULL, "
            + "next_attempt_at = NULL, updated_at = :now WHERE id IN (<ids>) AND state = 'pending'";

    static final String RETRY = "UPDATE tenant_status_events SET attempts = attempts + 1, next_attempt_at = :next, "
            + "lease_until = NULL, last_error = :error, updated_at = :now WHERE id = :id AND state = 'pending'";

    static final String DEAD = "UPDATE tenant_status_events SET state = 'dead', attempts = attempts + 1, "
            + "next_attempt_at = NULL, lease_until = NULL, last_error = :error, updated_at = :now "
            + "WHERE id = :id AND state = 'pending'";

    /** The event and every other pending one of its part. */
    static final String DECLINE = "UPDATE tenant_status_events SET state = 'declined', next_attempt_at = NULL, "
            + "lease_until = NULL, last_error = 'tenant answered HTTP 404', updated_at = :now WHERE state = 'pending' "
            + "AND part_id = (SELECT part_id FROM tenant_status_events WHERE id = :id)";

    static final String RELEASE_LEASES = "UPDATE tenant_status_events SET lease_until = NULL "
            + "WHERE state = 'pending' AND lease_until IS NOT NULL";

    private static final RowMapper<TenantStatusEvent> EVENT = (rs, ctx) -> new TenantStatusEvent(
            rs.getLong("id"),
            new TenantId(rs.getString("tenant_id")),
            "out-" + rs.getLong("part_id"),
            Optional.ofNullable(rs.getString("reply_to")),
            DeliveryStatus.fromWire(rs.getString("status"))
                    .orElseThrow(() -> new IllegalStateException("unknown status stored")),
            Optional.ofNullable(rs.getString("error_code")),
            Instant.ofEpochMilli(rs.getLong("status_at")),
            rs.getInt("attempts"));

    private StatusEventDao() {}

    /**
     * The lock a part's events take while one is recorded or the part's events are declined (PostgreSQL; SQLite's
     * writes take turns anyway): without it, an event recorded while a decline of its part is not yet committed
     * reads no declined event and stays pending, and the tenant that answered 404 gets it (issue 15's grouped
     * commits keep transactions open long enough for that to happen).
     */
    static String partLock(long partId) {
        return "status-events:" + partId;
    }

    /** Inside the transaction that moved part {@code partId} to {@code status}. */
    static void record(Handle handle, long partId, DeliveryStatus status, String errorCode, long statusAt, long now) {
        Dialect.lock(handle, partLock(partId));
        handle.createUpdate(RECORD)
                .bind("partId", partId)
                .bind("status", status.wireName())
                .bind("errorCode", status == DeliveryStatus.FAILED ? errorCode : null)
                .bind("statusAt", statusAt)
                .bind("now", now)
                .execute();
    }

    static List<TenantStatusEvent> claimable(Handle handle, long now, int limit) {
        return handle.createQuery(CLAIMABLE)
                .bind("now", now)
                .bind("limit", limit)
                .map(EVENT)
                .list();
    }

    static void lease(Handle handle, List<Long> ids, long leaseUntil) {
        handle.createUpdate(LEASE)
                .bindList("ids", ids)
                .bind("leaseUntil", leaseUntil)
                .execute();
    }

    static List<TenantStatusEvent> claimSkippingLocked(Handle handle, long now, long leaseUntil, int limit) {
        return handle.createQuery(CLAIM_SKIPPING_LOCKED)
                .bind("now", now)
                .bind("leaseUntil", leaseUntil)
                .bind("limit", limit)
                .map(EVENT)
                .list();
    }

    static int update(Handle handle, String sql, long id, Long next, String error, long now) {
        var update = handle.createUpdate(sql).bind("id", id).bind("now", now);
        if (sql.contains(":next")) {
            update.bind("next", next);
        }
        if (sql.contains(":error")) {
            update.bind("error", error);
        }
        return update.execute();
    }
}
