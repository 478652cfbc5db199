package com.vendin.whatsapp.persistence.deadletter;

import com.vendin.whatsapp.persistence.db.Columns;
import com.vendin.whatsapp.ports.deadletter.DeadLetter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads a failed, never accepted {@code outbound_messages} row with its inbound message (public only for Jdbi). */
public final class FailedPartMapper implements RowMapper<DeadLetter> {
    @Override
    public DeadLetter map(ResultSet rs, StatementContext ctx) throws SQLException {
        Optional<String> code = Columns.optionalString(rs, "error_code");
        Optional<String> detail = Columns.optionalString(rs, "error_detail");
        Optional<String> lastError =
                code.map(c -> detail.map(d -> c + ": " + d).orElse(c)).or(() -> detail);
        return new DeadLetter(
                "out-" + rs.getLong("id"),
                rs.getString("tenant_id"),
                rs.getString("role"),
                rs.getString("thread_id"),
                rs.getString("from_raw"),
                rs.getString("type"),
                rs.getString("text"),
                rs.getString("provider_message_id"),
                rs.getInt("attempts"),
                lastError,
                Columns.instant(rs, "provider_ts"),
                Columns.instant(rs, "created_at"),
                Columns.instant(rs, "updated_at"),
                DeadLetter.SEND,
                Optional.ofNullable(rs.getString("to_raw")),
                Columns.optionalString(rs, "user_id"));
    }
}
