package com.vendin.whatsapp.persistence.deadletter;

import com.vendin.whatsapp.ports.deadletter.DeadLetter;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL over the {@code dead} rows of {@code inbound_messages}. */
interface DeadLetterDao {

    @SqlQuery("SELECT id, tenant_id, role, thread_id, from_raw, type, text, provider_message_id, attempts, last_error, "
            + "provider_ts, created_at, updated_at FROM inbound_messages WHERE state = 'dead' "
            + "ORDER BY updated_at DESC, id DESC LIMIT :limit")
    @RegisterRowMapper(DeadLetterMapper.class)
    List<DeadLetter> list(int limit);

    /** Back to {@code received}, due now, with a fresh set of attempts; the last error is kept for operators. */
    @SqlUpdate("UPDATE inbound_messages SET state = 'received', attempts = 0, next_attempt_at = :now, "
            + "lease_until = NULL, updated_at = :now WHERE id = :id AND state = 'dead'")
    int requeue(long id, long now);
}
