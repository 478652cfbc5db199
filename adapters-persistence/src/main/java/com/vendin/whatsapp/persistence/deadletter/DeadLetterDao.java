package com.vendin.whatsapp.persistence.deadletter;

import com.vendin.whatsapp.ports.deadletter.DeadLetter;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL over the {@code dead} rows of {@code inbound_messages}. */
interface DeadLetterDao {

    @SqlQuery("SELECT id, tenant_id, role, thread_id, from_raw, type, text, provider_message_id, attempts, last_error, "
            + "provider_ts, created_at, updated_at, user_id FROM inbound_messages WHERE state = 'dead' "
            + "ORDER BY updated_at DESC, id DESC LIMIT :limit")
    @RegisterRowMapper(DeadLetterMapper.class)
    List<DeadLetter> list(int limit);

    /** Reply parts the provider refused (never accepted: no provider id), most recently failed first. */
    @SqlQuery("SELECT o.id, o.tenant_id, i.role, o.thread_id, i.from_raw, o.text, i.provider_message_id, o.attempts, "
            + "o.error_code, o.error_detail, o.to_raw, i.provider_ts, o.created_at, o.updated_at, i.user_id, "
            + "CASE WHEN o.content_type IS NULL THEN 'text' WHEN o.content_type = 'twilio_template' THEN 'template' "
            + "ELSE o.content_type END AS type "
            + "FROM outbound_messages o JOIN inbound_messages i ON i.id = o.inbound_id "
            + "WHERE o.state = 'failed' AND o.provider_message_id IS NULL "
            + "ORDER BY o.updated_at DESC, o.id DESC LIMIT :limit")
    @RegisterRowMapper(FailedPartMapper.class)
    List<DeadLetter> failedParts(int limit);

    /** Back to {@code pending}, due now, with a fresh set of attempts; only a part no provider ever accepted. */
    @SqlUpdate(
            "UPDATE outbound_messages SET state = 'pending', attempts = 0, next_attempt_at = :now, "
                    + "lease_until = NULL, updated_at = :now WHERE id = :id AND state = 'failed' AND provider_message_id IS NULL")
    int requeuePart(long id, long now);

    /** Back to {@code received}, due now, with a fresh set of attempts; the last error is kept for operators. */
    @SqlUpdate("UPDATE inbound_messages SET state = 'received', attempts = 0, next_attempt_at = :now, "
            + "lease_until = NULL, updated_at = :now WHERE id = :id AND state = 'dead'")
    int requeue(long id, long now);
}
