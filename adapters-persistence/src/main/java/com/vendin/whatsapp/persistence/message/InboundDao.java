package com.vendin.whatsapp.persistence.message;

import com.vendin.whatsapp.ports.delivery.PendingDelivery;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SQL of {@code inbound_messages}. States are literals so SQLite can use the partial indexes. The statements of
 * the hot paths (record, claim, complete) run through the static methods, on the handle's fluent API: attaching
 * this interface builds and warms an invoker for every method, which cost more than the statements themselves.
 */
interface InboundDao {

    String INSERT =
            "INSERT INTO inbound_messages (provider, provider_message_id, tenant_id, role, thread_id, from_raw, "
                    + "to_phone_id, to_number, provider_ts, type, text, details_json, profile_name, state, unroutable_reason, "
                    + "attempts, next_attempt_at, created_at, updated_at, sender_phone, user_id, username) VALUES (:provider, "
                    + ":providerMessageId, :tenantId, :role, :threadId, :fromRaw, :toPhoneId, :toNumber, :providerTs, :type, "
                    + ":text, :detailsJson, :profileName, :state, :unroutableReason, 0, :nextAttemptAt, :now, :now, "
                    + ":senderPhone, :userId, :username) "
                    + "ON CONFLICT (provider_message_id) DO NOTHING";

    String KNOWN = "SELECT provider_message_id FROM inbound_messages WHERE provider_message_id IN (<ids>)";

    /**
     * A page of due, unleased messages after {@code (afterDue, afterId)} in due order, at most {@code limit}, each
     * with whether it is its thread's head (no earlier {@code received} message of the same tenant and thread
     * exists). The page is taken first, in the order of {@code idx_inbound_due}, and only its rows are checked for
     * being heads: a claim's cost is one page, whatever the backlog and whatever the planner believes about it.
     * (Asked for the heads themselves, PostgreSQL planned from a fresh table's statistics a scan of every due
     * message with the head check on each, sorted afterwards: 3.5 ms per claim over a backlog of 1,200, with every
     * claim of every process waiting its turn behind it.)
     */
    String DUE_PAGE = "SELECT m.id, m.tenant_id, m.next_attempt_at, NOT EXISTS (SELECT 1 FROM inbound_messages e "
            + "WHERE e.state = 'received' AND e.tenant_id = m.tenant_id AND e.thread_id = m.thread_id "
            + "AND (e.provider_ts, e.id) < (m.provider_ts, m.id)) AS head "
            + "FROM (SELECT id, tenant_id, thread_id, provider_ts, next_attempt_at FROM inbound_messages "
            + "WHERE state = 'received' AND next_attempt_at <= :now AND (next_attempt_at, id) > (:afterDue, :afterId) "
            + "AND (lease_until IS NULL OR lease_until <= :now) ORDER BY next_attempt_at, id LIMIT :limit) m "
            + "ORDER BY m.next_attempt_at, m.id";

    /** Leases still held per tenant (the per-tenant cap counts them). */
    String HELD_LEASES = "SELECT tenant_id, COUNT(*) AS leases FROM inbound_messages "
            + "WHERE state = 'received' AND lease_until IS NOT NULL AND lease_until > :now GROUP BY tenant_id";

    String PENDING = "SELECT id, tenant_id, role, thread_id, provider, provider_message_id, from_raw, to_phone_id, "
            + "to_number, provider_ts, type, text, details_json, profile_name, attempts, next_attempt_at, created_at, "
            + "sender_phone, user_id, username FROM inbound_messages WHERE id IN (<ids>) ORDER BY next_attempt_at, id";

    String LEASE = "UPDATE inbound_messages SET lease_until = :leaseUntil WHERE id IN (<ids>)";

    /**
     * PostgreSQL's lease of chosen heads: each row is locked with {@code SKIP LOCKED} (a row another transaction
     * holds is left to it) and checked again in its newest version (still {@code received}, unleased), then
     * leased until {@code leaseUntil}; returns the ids leased.
     */
    String LEASE_SKIPPING_LOCKED = "WITH locked AS (SELECT id FROM inbound_messages WHERE id IN (<ids>) "
            + "AND state = 'received' AND (lease_until IS NULL OR lease_until <= :now) FOR UPDATE SKIP LOCKED) "
            + "UPDATE inbound_messages u SET lease_until = :leaseUntil FROM locked WHERE u.id = locked.id "
            + "RETURNING u.id";

    /** Only a message still {@code received}, and still under the lease {@code lease} when that is given. */
    String HELD = "id = :id AND state = 'received' AND (CAST(:lease AS BIGINT) IS NULL OR lease_until = :lease)";

    String FORWARD = "UPDATE inbound_messages SET state = 'forwarded', lease_until = NULL, next_attempt_at = NULL, "
            + "updated_at = :now WHERE " + HELD;

    /** {@code COALESCE} keeps the planner on the inbound_id index (the unique index holds every NULL id). */
    String MARK_REPLIED_IF_ALL_ACCEPTED = "UPDATE inbound_messages SET state = 'replied', updated_at = :now "
            + "WHERE id = :id AND state = 'forwarded' AND NOT EXISTS "
            + "(SELECT 1 FROM outbound_messages o WHERE o.inbound_id = :id AND COALESCE(o.provider_message_id, '') = '')";

    RowMapper<DueRow> DUE_ROW = (rs, ctx) -> new DueRow(
            rs.getLong("id"), rs.getString("tenant_id"), rs.getLong("next_attempt_at"), rs.getBoolean("head"));
    RowMapper<PendingDelivery> PENDING_DELIVERY = new PendingDeliveryMapper();

    /** A due message of a claim's page: its tenant, when it is due, and whether it is its thread's head. */
    record DueRow(long id, String tenantId, long nextAttemptAt, boolean head) {}

    /** Inserts the rows in one batch; the update count of each (0 for a provider message id already recorded). */
    static int[] insert(Handle handle, List<InboundRow> rows) {
        PreparedBatch batch = handle.prepareBatch(INSERT);
        for (InboundRow row : rows) {
            // Named binds one by one: bindMethods looks up the record's accessors on every statement.
            batch.bind("provider", row.provider())
                    .bind("providerMessageId", row.providerMessageId())
                    .bind("tenantId", row.tenantId())
                    .bind("role", row.role())
                    .bind("threadId", row.threadId())
                    .bind("fromRaw", row.fromRaw())
                    .bind("toPhoneId", row.toPhoneId())
                    .bind("toNumber", row.toNumber())
                    .bind("providerTs", row.providerTs())
                    .bind("type", row.type())
                    .bind("text", row.text())
                    .bind("detailsJson", row.detailsJson())
                    .bind("profileName", row.profileName())
                    .bind("state", row.state())
                    .bind("unroutableReason", row.unroutableReason())
                    .bind("nextAttemptAt", row.nextAttemptAt())
                    .bind("now", row.now())
                    .bind("senderPhone", row.senderPhone())
                    .bind("userId", row.userId())
                    .bind("username", row.username())
                    .add();
        }
        return batch.execute();
    }

    static List<String> known(Handle handle, Collection<String> ids) {
        return handle.createQuery(KNOWN)
                .bindList("ids", ids)
                .mapTo(String.class)
                .list();
    }

    static List<DueRow> duePage(Handle handle, long now, long afterDue, long afterId, int limit) {
        return handle.createQuery(DUE_PAGE)
                .bind("now", now)
                .bind("afterDue", afterDue)
                .bind("afterId", afterId)
                .bind("limit", limit)
                .map(DUE_ROW)
                .list();
    }

    static Map<String, Integer> heldLeases(Handle handle, long now) {
        Map<String, Integer> held = new HashMap<>();
        handle.createQuery(HELD_LEASES)
                .bind("now", now)
                .map((rs, ctx) -> new SimpleImmutableEntry<>(rs.getString("tenant_id"), rs.getInt("leases")))
                .forEach(entry -> held.put(entry.getKey(), entry.getValue()));
        return held;
    }

    static List<PendingDelivery> pending(Handle handle, List<Long> ids) {
        return handle.createQuery(PENDING)
                .bindList("ids", ids)
                .map(PENDING_DELIVERY)
                .list();
    }

    static int lease(Handle handle, List<Long> ids, long leaseUntil) {
        return handle.createUpdate(LEASE)
                .bindList("ids", ids)
                .bind("leaseUntil", leaseUntil)
                .execute();
    }

    static List<Long> leaseSkippingLocked(Handle handle, List<Long> ids, long now, long leaseUntil) {
        return handle.createQuery(LEASE_SKIPPING_LOCKED)
                .bindList("ids", ids)
                .bind("now", now)
                .bind("leaseUntil", leaseUntil)
                .mapTo(Long.class)
                .list();
    }

    /** {@code lease} may be null (any lease); it is bound as a BIGINT either way. */
    static int forward(Handle handle, long id, Long lease, long now) {
        return handle.createUpdate(FORWARD)
                .bind("id", id)
                .bind("lease", lease)
                .bind("now", now)
                .execute();
    }

    static int markRepliedIfAllAccepted(Handle handle, long id, long now) {
        return handle.createUpdate(MARK_REPLIED_IF_ALL_ACCEPTED)
                .bind("id", id)
                .bind("now", now)
                .execute();
    }

    @SqlUpdate("UPDATE inbound_messages SET attempts = attempts + 1, next_attempt_at = :nextAttemptAt, "
            + "lease_until = NULL, last_error = :error, updated_at = :now WHERE " + HELD)
    int retryLater(long id, Long lease, long nextAttemptAt, String error, long now);

    @SqlUpdate("UPDATE inbound_messages SET state = 'dead', attempts = attempts + 1, next_attempt_at = NULL, "
            + "lease_until = NULL, last_error = :error, updated_at = :now WHERE " + HELD)
    int deadLetter(long id, Long lease, String error, long now);

    @SqlUpdate("UPDATE inbound_messages SET lease_until = NULL WHERE lease_until IS NOT NULL")
    int releaseLeases();
}
