package com.vendin.whatsapp.persistence.query;

import com.vendin.whatsapp.persistence.db.Columns;
import com.vendin.whatsapp.ports.query.UnroutableView;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads an unroutable {@code inbound_messages} row (public only because Jdbi instantiates it). */
public final class UnroutableViewMapper implements RowMapper<UnroutableView> {
    @Override
    public UnroutableView map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new UnroutableView(
                "in-" + rs.getLong("id"),
                rs.getString("provider"),
                rs.getString("provider_message_id"),
                rs.getString("from_raw"),
                rs.getString("to_number"),
                Columns.optionalString(rs, "to_phone_id"),
                rs.getString("unroutable_reason"),
                rs.getString("type"),
                rs.getString("text"),
                Columns.instant(rs, "provider_ts"),
                Columns.instant(rs, "created_at"),
                Columns.optionalString(rs, "user_id"));
    }
}
