package com.vendin.whatsapp.persistence.message;

import com.vendin.whatsapp.ports.delivery.PendingDelivery;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of {@code inbound_messages}. States are literals so SQLite can use the partial indexes. */
interface InboundDao {

    @SqlBatch("INSERT INTO inbound_messages (provider, provider_message_id, tenant_id, role, thread_id, from_raw, "
            + "to_phone_id, to_number, provider_ts, type, text, details_json, profile_name, state, unroutable_reason, "
            + "attempts, next_attempt_at, created_at, updated_at) VALUES (:provider, :providerMessageId, :tenantId, "
            + ":role, :threadId, :fromRaw, :toPhoneId, :toNumber, :providerTs, :type, :text, :detailsJson, "
            + ":profileName, :state, :unroutableReason, 0, :nextAttemptAt, :now, :now) "
            + "ON CONFLICT (provider_message_id) DO NOTHING")
    int[] insert(@BindMethods List<InboundRow> rows);

    @SqlQuery("SELECT provider_message_id FROM inbound_messages WHERE provider_message_id IN (<ids>)")
    List<String> known(@BindList("ids") Collection<String> ids);

    /**
     * Due, unleased thread heads (no earlier {@code received} message of the same tenant and thread exists)
     * after {@code (afterDue, afterId)} in due order, at most {@code limit}: a walk of {@code idx_inbound_due}
     * that stops as soon as it has found them, so its cost does not grow with the backlog behind them.
     */
    @SqlQuery("SELECT m.id, m.tenant_id, m.next_attempt_at FROM inbound_messages m "
            + "WHERE m.state = 'received' AND m.next_attempt_at <= :now "
            + "AND (m.next_attempt_at, m.id) > (:afterDue, :afterId) "
            + "AND (m.lease_until IS NULL OR m.lease_until <= :now) "
            + "AND NOT EXISTS (SELECT 1 FROM inbound_messages e WHERE e.state = 'received' "
            + "AND e.tenant_id = m.tenant_id AND e.thread_id = m.thread_id "
            + "AND (e.provider_ts, e.id) < (m.provider_ts, m.id)) "
            + "ORDER BY m.next_attempt_at, m.id LIMIT :limit")
    @RegisterConstructorMapper(DueHead.class)
    List<DueHead> dueHeads(long now, long afterDue, long afterId, int limit);

    /** Leases still held per tenant (the per-tenant cap counts them). */
    @SqlQuery("SELECT tenant_id, COUNT(*) AS leases FROM inbound_messages "
            + "WHERE state = 'received' AND lease_until IS NOT NULL AND lease_until > :now GROUP BY tenant_id")
    @KeyColumn("tenant_id")
    @ValueColumn("leases")
    Map<String, Integer> heldLeases(long now);

    @SqlQuery("SELECT id, tenant_id, role, thread_id, provider, provider_message_id, from_raw, to_phone_id, to_number, "
            + "provider_ts, type, text, details_json, profile_name, attempts, next_attempt_at, created_at "
            + "FROM inbound_messages WHERE id IN (<ids>) ORDER BY next_attempt_at, id")
    @RegisterRowMapper(PendingDeliveryMapper.class)
    List<PendingDelivery> pending(@BindList("ids") List<Long> ids);

    /** A claim candidate: a due thread head, its tenant and when it is due. */
    record DueHead(long id, String tenantId, long nextAttemptAt) {
    }

    @SqlUpdate("UPDATE inbound_messages SET lease_until = :leaseUntil WHERE id IN (<ids>)")
    int lease(@BindList("ids") List<Long> ids, long leaseUntil);

    /**
     * PostgreSQL's lease of chosen heads: each row is locked with {@code SKIP LOCKED} (a row another transaction
     * holds is left to it) and checked again in its newest version (still {@code received}, unleased), then
     * leased until {@code leaseUntil}; returns the ids leased.
     */
    @SqlQuery("WITH locked AS (SELECT id FROM inbound_messages WHERE id IN (<ids>) AND state = 'received' "
            + "AND (lease_until IS NULL OR lease_until <= :now) FOR UPDATE SKIP LOCKED) "
            + "UPDATE inbound_messages u SET lease_until = :leaseUntil FROM locked WHERE u.id = locked.id "
            + "RETURNING u.id")
    List<Long> leaseSkippingLocked(@BindList("ids") List<Long> ids, long now, long leaseUntil);

    /** Only a message still {@code received}, and still under the lease {@code lease} when that is given. */
    String HELD = "id = :id AND state = 'received' AND (CAST(:lease AS BIGINT) IS NULL OR lease_until = :lease)";

    @SqlUpdate("UPDATE inbound_messages SET state = 'forwarded', lease_until = NULL, next_attempt_at = NULL, "
            + "updated_at = :now WHERE " + HELD)
    int forward(long id, Long lease, long now);

    @SqlUpdate("UPDATE inbound_messages SET attempts = attempts + 1, next_attempt_at = :nextAttemptAt, "
            + "lease_until = NULL, last_error = :error, updated_at = :now WHERE " + HELD)
    int retryLater(long id, Long lease, long nextAttemptAt, String error, long now);

    @SqlUpdate("UPDATE inbound_messages SET state = 'dead', attempts = attempts + 1, next_attempt_at = NULL, "
            + "lease_until = NULL, last_error = :error, updated_at = :now WHERE " + HELD)
    int deadLetter(long id, Long lease, String error, long now);

    /** {@code COALESCE} keeps the planner on the inbound_id index (the unique index holds every NULL id). */
    @SqlUpdate("UPDATE inbound_messages SET state = 'replied', updated_at = :now "
            + "WHERE id = :id AND state = 'forwarded' AND NOT EXISTS "
            + "(SELECT 1 FROM outbound_messages o WHERE o.inbound_id = :id AND COALESCE(o.provider_message_id, '') = '')")
    int markRepliedIfAllAccepted(long id, long now);

    @SqlUpdate("UPDATE inbound_messages SET lease_until = NULL WHERE lease_until IS NOT NULL")
    int releaseLeases();
}
