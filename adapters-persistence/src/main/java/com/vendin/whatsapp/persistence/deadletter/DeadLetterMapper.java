package com.vendin.whatsapp.persistence.deadletter;

import com.vendin.whatsapp.persistence.db.Columns;
import com.vendin.whatsapp.ports.deadletter.DeadLetter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads a dead {@code inbound_messages} row (public only because Jdbi instantiates it). */
public final class DeadLetterMapper implements RowMapper<DeadLetter> {
    @Override
    public DeadLetter map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new DeadLetter(
                "in-" + rs.getLong("id"),
                rs.getString("tenant_id"),
                rs.getString("role"),
                rs.getString("thread_id"),
                rs.getString("from_raw"),
                rs.getString("type"),
                rs.getString("text"),
                rs.getString("provider_message_id"),
                rs.getInt("attempts"),
                Columns.optionalString(rs, "last_error"),
                Columns.instant(rs, "provider_ts"),
                Columns.instant(rs, "created_at"),
                Columns.instant(rs, "updated_at"),
                DeadLetter.DELIVERY,
                Optional.empty(),
                Columns.optionalString(rs, "user_id"));
    }
}
