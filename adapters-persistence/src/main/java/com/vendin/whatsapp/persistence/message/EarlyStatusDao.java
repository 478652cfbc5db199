package com.vendin.whatsapp.persistence.message;

import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * SQL of {@code early_statuses}: statuses waiting for the send they name to be recorded. Only hot paths use it
 * (statuses, acceptance), so every statement runs on the handle's fluent API (no SqlObject attach).
 */
interface EarlyStatusDao {

    String FIND = "SELECT status, error_code, error_title FROM early_statuses "
            + "WHERE provider_message_id = :providerMessageId";

    String PUT = "INSERT INTO early_statuses (provider_message_id, provider, status, error_code, error_title, "
            + "status_at, received_at) VALUES (:providerMessageId, :provider, :status, :errorCode, :errorTitle, "
            + ":statusAt, :now) ON CONFLICT (provider_message_id) DO UPDATE SET status = excluded.status, "
            + "error_code = excluded.error_code, error_title = excluded.error_title, status_at = excluded.status_at, "
            + "received_at = excluded.received_at";

    String REMOVE = "DELETE FROM early_statuses WHERE provider_message_id = :providerMessageId";

    String PRUNE = "DELETE FROM early_statuses WHERE received_at < :before";

    RowMapper<EarlyStatus> MAPPER = new EarlyStatus.Mapper();

    static Optional<EarlyStatus> find(Handle handle, String providerMessageId) {
        return handle.createQuery(FIND)
                .bind("providerMessageId", providerMessageId)
                .map(MAPPER)
                .findOne();
    }

    static void put(
            Handle handle,
            String providerMessageId,
            String provider,
            String status,
            String errorCode,
            String errorTitle,
            long statusAt,
            long now) {
        handle.createUpdate(PUT)
                .bind("providerMessageId", providerMessageId)
                .bind("provider", provider)
                .bind("status", status)
                .bind("errorCode", errorCode)
                .bind("errorTitle", errorTitle)
                .bind("statusAt", statusAt)
                .bind("now", now)
                .execute();
    }

    static int remove(Handle handle, String providerMessageId) {
        return handle.createUpdate(REMOVE)
                .bind("providerMessageId", providerMessageId)
                .execute();
    }

    static int prune(Handle handle, long before) {
        return handle.createUpdate(PRUNE).bind("before", before).execute();
    }
}
