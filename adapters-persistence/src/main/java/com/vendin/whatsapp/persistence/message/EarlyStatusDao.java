package com.vendin.whatsapp.persistence.message;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of {@code early_statuses}: statuses waiting for the send they name to be recorded. */
interface EarlyStatusDao {

    @SqlQuery("SELECT status, error_code, error_title FROM early_statuses WHERE provider_message_id = :providerMessageId")
    @RegisterRowMapper(EarlyStatus.Mapper.class)
    Optional<EarlyStatus> find(String providerMessageId);

    @SqlUpdate("INSERT INTO early_statuses (provider_message_id, provider, status, error_code, error_title, status_at, "
            + "received_at) VALUES (:providerMessageId, :provider, :status, :errorCode, :errorTitle, :statusAt, :now) "
            + "ON CONFLICT (provider_message_id) DO UPDATE SET status = excluded.status, "
            + "error_code = excluded.error_code, error_title = excluded.error_title, status_at = excluded.status_at, "
            + "received_at = excluded.received_at")
    void put(String providerMessageId, String provider, String status, String errorCode, String errorTitle,
             long statusAt, long now);

    @SqlUpdate("DELETE FROM early_statuses WHERE provider_message_id = :providerMessageId")
    int remove(String providerMessageId);

    @SqlUpdate("DELETE FROM early_statuses WHERE received_at < :before")
    int prune(long before);
}
