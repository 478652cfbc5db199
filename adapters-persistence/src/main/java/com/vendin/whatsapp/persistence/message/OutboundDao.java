package com.vendin.whatsapp.persistence.message;

import com.vendin.whatsapp.ports.delivery.PendingPart;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of {@code outbound_messages}. States are literals so SQLite can use the partial indexes. */
interface OutboundDao {

    /** Tenant and thread are copied from the inbound message so a thread's parts can be ordered by index. */
    @SqlBatch("INSERT INTO outbound_messages (inbound_id, tenant_id, thread_id, part_index, part_count, provider, "
            + "via_platform, from_phone_id, to_raw, text, state, attempts, next_attempt_at, created_at, updated_at) "
            + "SELECT id, tenant_id, thread_id, :partIndex, :partCount, :provider, :viaPlatform, :fromPhoneId, :toRaw, "
            + ":text, 'pending', 0, :now, :now, :now FROM inbound_messages WHERE id = :inboundId")
    int[] insertParts(@BindMethods List<PartRow> parts);

    /** Due, unleased parts that are the earliest pending part of their tenant and thread. */
    @SqlQuery("SELECT o.id, o.inbound_id, o.tenant_id, o.provider, o.via_platform, o.from_phone_id, o.to_raw, o.text, "
            + "o.part_index, o.part_count, o.attempts FROM outbound_messages o "
            + "WHERE o.state = 'pending' AND o.next_attempt_at <= :now "
            + "AND (o.lease_until IS NULL OR o.lease_until <= :now) "
            + "AND NOT EXISTS (SELECT 1 FROM outbound_messages e WHERE e.state = 'pending' "
            + "AND e.tenant_id = o.tenant_id AND e.thread_id = o.thread_id AND e.id < o.id) "
            + "ORDER BY o.next_attempt_at, o.id LIMIT :limit")
    @RegisterRowMapper(PendingPartMapper.class)
    List<PendingPart> claimable(long now, int limit);

    @SqlUpdate("UPDATE outbound_messages SET lease_until = :leaseUntil WHERE id IN (<ids>)")
    int lease(@BindList("ids") List<Long> ids, long leaseUntil);

    /**
     * PostgreSQL's claim in one statement: the parts {@link #claimable} picks, locked with {@code SKIP LOCKED}
     * (another claimer's rows are left to it; a row changed meanwhile is checked again in its new version) and
     * leased until {@code leaseUntil}. A thread's next part is no head while the part before it is pending, so
     * two claimers never hold parts of one thread.
     */
    @SqlQuery("WITH locked AS (SELECT o.id FROM outbound_messages o "
            + "WHERE o.state = 'pending' AND o.next_attempt_at <= :now "
            + "AND (o.lease_until IS NULL OR o.lease_until <= :now) "
            + "AND NOT EXISTS (SELECT 1 FROM outbound_messages e WHERE e.state = 'pending' "
            + "AND e.tenant_id = o.tenant_id AND e.thread_id = o.thread_id AND e.id < o.id) "
            + "ORDER BY o.next_attempt_at, o.id LIMIT :limit FOR UPDATE SKIP LOCKED), "
            + "claimed AS (UPDATE outbound_messages u SET lease_until = :leaseUntil FROM locked WHERE u.id = locked.id "
            + "RETURNING u.id, u.inbound_id, u.tenant_id, u.provider, u.via_platform, u.from_phone_id, u.to_raw, u.text, "
            + "u.part_index, u.part_count, u.attempts, u.next_attempt_at) "
            + "SELECT * FROM claimed ORDER BY next_attempt_at, id")
    @RegisterRowMapper(PendingPartMapper.class)
    List<PendingPart> claimSkippingLocked(long now, long leaseUntil, int limit);

    @SqlQuery("SELECT id, state FROM outbound_messages WHERE provider_message_id = :providerMessageId")
    @RegisterRowMapper(PartState.Mapper.class)
    Optional<PartState> findByProviderId(String providerMessageId);

    /** The part {@code id} if it is still waiting for its provider's acceptance from {@code provider}. */
    @SqlQuery("SELECT id, state FROM outbound_messages WHERE id = :id AND provider = :provider "
            + "AND state = 'pending' AND provider_message_id IS NULL")
    @RegisterRowMapper(PartState.Mapper.class)
    Optional<PartState> findUnaccepted(long id, String provider);

    @SqlUpdate("UPDATE outbound_messages SET state = :state, error_code = COALESCE(:errorCode, error_code), "
            + "error_detail = COALESCE(:errorDetail, error_detail), updated_at = :now WHERE id = :id")
    int setStatus(long id, String state, String errorCode, String errorDetail, long now);

    @SqlUpdate("UPDATE outbound_messages SET state = :state, provider_message_id = :providerMessageId, "
            + "error_code = :errorCode, error_detail = :errorDetail, lease_until = NULL, next_attempt_at = NULL, "
            + "updated_at = :now WHERE id = :id AND state = 'pending' AND provider_message_id IS NULL")
    int accept(long id, String providerMessageId, String state, String errorCode, String errorDetail, long now);

    @SqlQuery("SELECT inbound_id FROM outbound_messages WHERE id = :id")
    Optional<Long> inboundIdOf(long id);

    @SqlUpdate("UPDATE outbound_messages SET attempts = attempts + 1, next_attempt_at = :nextAttemptAt, "
            + "lease_until = NULL, error_code = :errorCode, updated_at = :now WHERE id = :id AND state = 'pending'")
    int retryLater(long id, long nextAttemptAt, String errorCode, long now);

    @SqlUpdate("UPDATE outbound_messages SET state = 'failed', attempts = attempts + 1, next_attempt_at = NULL, "
            + "lease_until = NULL, error_code = :errorCode, error_detail = :detail, updated_at = :now "
            + "WHERE id = :id AND state = 'pending'")
    int markFailed(long id, String errorCode, String detail, long now);

    @SqlUpdate("UPDATE outbound_messages SET lease_until = NULL WHERE lease_until IS NOT NULL")
    int releaseLeases();
}
