package com.vendin.whatsapp.persistence.message;

import com.vendin.whatsapp.ports.delivery.PendingPart;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SQL of {@code outbound_messages}. States are literals so SQLite can use the partial indexes. The statements of
 * the hot paths (complete, claim, acceptance, statuses) run through the static methods, on the handle's fluent
 * API: attaching this interface builds and warms an invoker for every method, which cost more than the statements.
 */
interface OutboundDao {

    /** Tenant and thread are copied from the inbound message so a thread's parts can be ordered by index. */
    String INSERT_PARTS = "INSERT INTO outbound_messages (inbound_id, tenant_id, thread_id, part_index, part_count, "
            + "provider, via_platform, from_phone_id, to_raw, text, content_type, content_json, state, attempts, "
            + "next_attempt_at, created_at, updated_at) SELECT id, tenant_id, thread_id, :partIndex, :partCount, "
            + ":provider, :viaPlatform, :fromPhoneId, :toRaw, :text, :contentType, :contentJson, 'pending', 0, :now, "
            + ":now, :now FROM inbound_messages WHERE id = :inboundId";

    /** Due, unleased parts that are the earliest pending part of their tenant and thread. */
    String CLAIMABLE = "SELECT o.id, o.inbound_id, o.tenant_id, o.provider, o.via_platform, o.from_phone_id, "
            + "o.to_raw, o.text, o.part_index, o.part_count, o.attempts, o.content_type, o.content_json, o.media_id "
            + "FROM outbound_messages o "
            + "WHERE o.state = 'pending' AND o.next_attempt_at <= :now "
            + "AND (o.lease_until IS NULL OR o.lease_until <= :now) "
            + "AND NOT EXISTS (SELECT 1 FROM outbound_messages e WHERE e.state = 'pending' "
            + "AND e.tenant_id = o.tenant_id AND e.thread_id = o.thread_id AND e.id < o.id) "
            + "ORDER BY o.next_attempt_at, o.id LIMIT :limit";

    String LEASE = "UPDATE outbound_messages SET lease_until = :leaseUntil WHERE id IN (<ids>)";

    /**
     * PostgreSQL's claim in one statement: the parts {@link #CLAIMABLE} picks, locked with {@code SKIP LOCKED}
     * (another claimer's rows are left to it; a row changed meanwhile is checked again in its new version) and
     * leased until {@code leaseUntil}. A thread's next part is no head while the part before it is pending, so
     * two claimers never hold parts of one thread.
     */
    String CLAIM_SKIPPING_LOCKED = "WITH locked AS (SELECT o.id FROM outbound_messages o "
            + "WHERE o.state = 'pending' AND o.next_attempt_at <= :now "
            + "AND (o.lease_until IS NULL OR o.lease_until <= :now) "
            + "AND NOT EXISTS (SELECT 1 FROM outbound_messages e WHERE e.state = 'pending' "
            + "AND e.tenant_id = o.tenant_id AND e.thread_id = o.thread_id AND e.id < o.id) "
            + "ORDER BY o.next_attempt_at, o.id LIMIT :limit FOR UPDATE SKIP LOCKED), "
            + "claimed AS (UPDATE outbound_messages u SET lease_until = :leaseUntil FROM locked WHERE u.id = locked.id "
            + "RETURNING u.id, u.inbound_id, u.tenant_id, u.provider, u.via_platform, u.from_phone_id, u.to_raw, u.text, "
            + "u.part_index, u.part_count, u.attempts, u.next_attempt_at, u.content_type, u.content_json, u.media_id) "
            + "SELECT * FROM claimed ORDER BY next_attempt_at, id";

    String FIND_BY_PROVIDER_ID =
            "SELECT id, state FROM outbound_messages WHERE provider_message_id = :providerMessageId";

    /** The part {@code id} if it is still waiting for its provider's acceptance from {@code provider}. */
    String FIND_UNACCEPTED = "SELECT id, state FROM outbound_messages WHERE id = :id AND provider = :provider "
            + "AND state = 'pending' AND provider_message_id IS NULL";

    String SET_STATUS = "UPDATE outbound_messages SET state = :state, error_code = COALESCE(:errorCode, error_code), "
            + "error_detail = COALESCE(:errorDetail, error_detail), updated_at = :now WHERE id = :id";

    String ACCEPT = "UPDATE outbound_messages SET state = :state, provider_message_id = :providerMessageId, "
            + "error_code = :errorCode, error_detail = :errorDetail, lease_until = NULL, next_attempt_at = NULL, "
            + "updated_at = :now WHERE id = :id AND state = 'pending' AND provider_message_id IS NULL RETURNING inbound_id";

    RowMapper<PendingPart> PENDING_PART = new PendingPartMapper();
    RowMapper<PartState> PART_STATE = new PartState.Mapper();

    static int[] insertParts(Handle handle, List<PartRow> parts) {
        PreparedBatch batch = handle.prepareBatch(INSERT_PARTS);
        for (PartRow part : parts) {
            // Named binds one by one: bindMethods looks up the record's accessors on every statement.
            batch.bind("partIndex", part.partIndex())
                    .bind("partCount", part.partCount())
                    .bind("provider", part.provider())
                    .bind("viaPlatform", part.viaPlatform())
                    .bind("fromPhoneId", part.fromPhoneId())
                    .bind("toRaw", part.toRaw())
                    .bind("text", part.text())
                    .bind("contentType", part.contentType())
                    .bind("contentJson", part.contentJson())
                    .bind("now", part.now())
                    .bind("inboundId", part.inboundId())
                    .add();
        }
        return batch.execute();
    }

    static List<PendingPart> claimable(Handle handle, long now, int limit) {
        return handle.createQuery(CLAIMABLE)
                .bind("now", now)
                .bind("limit", limit)
                .map(PENDING_PART)
                .list();
    }

    static int lease(Handle handle, List<Long> ids, long leaseUntil) {
        return handle.createUpdate(LEASE)
                .bindList("ids", ids)
                .bind("leaseUntil", leaseUntil)
                .execute();
    }

    static List<PendingPart> claimSkippingLocked(Handle handle, long now, long leaseUntil, int limit) {
        return handle.createQuery(CLAIM_SKIPPING_LOCKED)
                .bind("now", now)
                .bind("leaseUntil", leaseUntil)
                .bind("limit", limit)
                .map(PENDING_PART)
                .list();
    }

    static Optional<PartState> findByProviderId(Handle handle, String providerMessageId) {
        return handle.createQuery(FIND_BY_PROVIDER_ID)
                .bind("providerMessageId", providerMessageId)
                .map(PART_STATE)
                .findOne();
    }

    static Optional<PartState> findUnaccepted(Handle handle, long id, String provider) {
        return handle.createQuery(FIND_UNACCEPTED)
                .bind("id", id)
                .bind("provider", provider)
                .map(PART_STATE)
                .findOne();
    }

    static int setStatus(Handle handle, long id, String state, String errorCode, String errorDetail, long now) {
        return handle.createUpdate(SET_STATUS)
                .bind("id", id)
                .bind("state", state)
                .bind("errorCode", errorCode)
                .bind("errorDetail", errorDetail)
                .bind("now", now)
                .execute();
    }

    /**
     * Records the part accepted with {@code providerMessageId} if still pending: empty when it was not, else its
     * inbound message's id in the same statement (empty inside for a part a tenant sent on its own, CONTRACT §3.2).
     */
    static Optional<Optional<Long>> accept(
            Handle handle,
            long id,
            String providerMessageId,
            String state,
            String errorCode,
            String errorDetail,
            long now) {
        List<Optional<Long>> changed = handle.createQuery(ACCEPT)
                .bind("id", id)
                .bind("providerMessageId", providerMessageId)
                .bind("state", state)
                .bind("errorCode", errorCode)
                .bind("errorDetail", errorDetail)
                .bind("now", now)
                .map((rs, ctx) -> {
                    long inbound = rs.getLong(1);
                    return rs.wasNull() ? Optional.<Long>empty() : Optional.of(inbound);
                })
                .list();
        return changed.stream().findFirst();
    }

    @SqlUpdate("UPDATE outbound_messages SET attempts = attempts + 1, next_attempt_at = :nextAttemptAt, "
            + "lease_until = NULL, error_code = :errorCode, updated_at = :now WHERE id = :id AND state = 'pending'")
    int retryLater(long id, long nextAttemptAt, String errorCode, long now);

    @SqlUpdate("UPDATE outbound_messages SET state = 'failed', attempts = attempts + 1, next_attempt_at = NULL, "
            + "lease_until = NULL, error_code = :errorCode, error_detail = :detail, updated_at = :now "
            + "WHERE id = :id AND state = 'pending'")
    int markFailed(long id, String errorCode, String detail, long now);

    @SqlUpdate(
            "UPDATE outbound_messages SET media_id = :mediaId, updated_at = :now WHERE id = :id AND state = 'pending'")
    int recordMediaId(long id, String mediaId, long now);

    @SqlUpdate("UPDATE outbound_messages SET lease_until = NULL WHERE lease_until IS NOT NULL")
    int releaseLeases();
}
