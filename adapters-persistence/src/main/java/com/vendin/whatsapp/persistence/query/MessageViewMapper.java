package com.vendin.whatsapp.persistence.query;

import com.vendin.whatsapp.persistence.db.Columns;
import com.vendin.whatsapp.ports.query.MessageView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads one row of {@link MessageQueryDao#forTenant} (public only because Jdbi instantiates it). */
public final class MessageViewMapper implements RowMapper<MessageView> {
    @Override
    public MessageView map(ResultSet rs, StatementContext ctx) throws SQLException {
        boolean inbound = "in".equals(rs.getString("kind"));
        Long inReplyTo = Columns.nullableLong(rs, "in_reply_to");
        return new MessageView((inbound ? "in-" : "out-") + rs.getLong("id"), inbound ? "inbound" : "outbound",
                rs.getString("from_addr"), rs.getString("to_addr"), rs.getString("type"), rs.getString("text"),
                rs.getString("state"), Columns.optionalString(rs, "provider_message_id"),
                Columns.optionalString(rs, "role"), Columns.optionalString(rs, "thread_id"),
                Optional.ofNullable(inReplyTo).map(id -> "in-" + id), Columns.optionalString(rs, "error_code"),
                rs.getInt("attempts"), Columns.optionalInstant(rs, "provider_ts"), Columns.instant(rs, "created_at"),
                Columns.instant(rs, "updated_at"), Columns.optionalString(rs, "user_id"),
                Columns.optionalString(rs, "username"));
    }
}
