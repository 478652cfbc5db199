package com.vendin.whatsapp.persistence.query;

import com.vendin.whatsapp.persistence.db.Columns;
import com.vendin.whatsapp.persistence.message.ContentCodec;
import com.vendin.whatsapp.ports.delivery.OutboundContent;
import com.vendin.whatsapp.ports.query.InboundMedia;
import com.vendin.whatsapp.ports.query.MessageDetail;
import com.vendin.whatsapp.ports.query.MessageView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads one row of {@link MessageQueryDao#forTenant} (public only because Jdbi instantiates it). */
public final class MessageViewMapper implements RowMapper<MessageView> {
    @Override
    public MessageView map(ResultSet rs, StatementContext ctx) throws SQLException {
        boolean inbound = "in".equals(rs.getString("kind"));
        Long inReplyTo = Columns.nullableLong(rs, "in_reply_to");
        return new MessageView(
                (inbound ? "in-" : "out-") + rs.getLong("id"),
                inbound ? "inbound" : "outbound",
                rs.getString("from_addr"),
                rs.getString("to_addr"),
                rs.getString("type"),
                rs.getString("text"),
                rs.getString("state"),
                Columns.optionalString(rs, "provider_message_id"),
                Columns.optionalString(rs, "role"),
                Columns.optionalString(rs, "thread_id"),
                Optional.ofNullable(inReplyTo).map(id -> "in-" + id),
                Columns.optionalString(rs, "error_code"),
                rs.getInt("attempts"),
                Columns.optionalInstant(rs, "provider_ts"),
                Columns.instant(rs, "created_at"),
                Columns.instant(rs, "updated_at"),
                Columns.optionalString(rs, "user_id"),
                Columns.optionalString(rs, "username"),
                inbound ? inboundDetail(rs) : outboundDetail(rs));
    }

    private static MessageDetail inboundDetail(ResultSet rs) throws SQLException {
        Optional<InboundMedia> media = InboundMediaReader.read(
                rs.getString("type"),
                rs.getString("details_json"),
                rs.getString("tenant_id"),
                rs.getString("provider_message_id"),
                rs.getString("provider"),
                "admin".equals(rs.getString("role")));
        return new MessageDetail(
                Optional.empty(), false, Optional.empty(), media, lastCustomerMessage(rs), Optional.empty());
    }

    private static MessageDetail outboundDetail(ResultSet rs) throws SQLException {
        OutboundContent content =
                ContentCodec.read(rs.getString("content_type"), rs.getString("content_json"), rs.getString("text"));
        return new MessageDetail(
                Optional.of(content),
                rs.getInt("tenant_initiated") == 1,
                Columns.optionalString(rs, "reply_to"),
                Optional.empty(),
                lastCustomerMessage(rs),
                Optional.empty());
    }

    private static Optional<Instant> lastCustomerMessage(ResultSet rs) throws SQLException {
        return Columns.optionalInstant(rs, "last_customer_ts");
    }
}
