package com.vendin.whatsapp.persistence.message;

import com.vendin.whatsapp.persistence.db.Columns;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.delivery.PendingDelivery;
import com.vendin.whatsapp.ports.inbound.Destination;
import com.vendin.whatsapp.ports.inbound.InboundMessage;
import com.vendin.whatsapp.ports.inbound.MessageContent;
import com.vendin.whatsapp.ports.inbound.Role;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads a claimed {@code inbound_messages} row as a {@link PendingDelivery} (public only because Jdbi instantiates it). */
public final class PendingDeliveryMapper implements RowMapper<PendingDelivery> {
    @Override
    public PendingDelivery map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new PendingDelivery(
                rs.getLong("id"),
                new TenantId(rs.getString("tenant_id")),
                Role.fromWire(rs.getString("role")),
                rs.getString("thread_id"),
                Columns.optionalString(rs, "sender_phone").map(PhoneNumber::new),
                message(rs),
                rs.getInt("attempts"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    static InboundMessage message(ResultSet rs) throws SQLException {
        Provider provider = Provider.fromWire(rs.getString("provider"))
                .orElseThrow(() -> new IllegalStateException("unknown provider stored"));
        return new InboundMessage(
                provider,
                rs.getString("provider_message_id"),
                rs.getString("from_raw"),
                new Destination(Columns.optionalString(rs, "to_phone_id"), rs.getString("to_number")),
                Columns.instant(rs, "provider_ts"),
                new MessageContent(
                        rs.getString("type"), rs.getString("text"), Columns.optionalString(rs, "details_json")),
                Columns.optionalString(rs, "profile_name"),
                Columns.optionalString(rs, "user_id"),
                Optional.empty(),
                Columns.optionalString(rs, "username"));
    }
}
