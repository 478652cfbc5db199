package com.vendin.whatsapp.persistence.message;

import com.vendin.whatsapp.persistence.db.Columns;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.delivery.PendingPart;
import com.vendin.whatsapp.ports.delivery.ReplyRoute;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads a claimed {@code outbound_messages} row as a {@link PendingPart} (public only because Jdbi instantiates it). */
public final class PendingPartMapper implements RowMapper<PendingPart> {
    @Override
    public PendingPart map(ResultSet rs, StatementContext ctx) throws SQLException {
        Provider provider = Provider.fromWire(rs.getString("provider"))
                .orElseThrow(() -> new IllegalStateException("unknown provider stored"));
        ReplyRoute route = new ReplyRoute(
                provider,
                rs.getBoolean("via_platform"),
                Columns.optionalString(rs, "from_phone_id"),
                rs.getString("to_raw"));
        String text = rs.getString("text");
        return new PendingPart(
                rs.getLong("id"),
                rs.getLong("inbound_id"),
                new TenantId(rs.getString("tenant_id")),
                route,
                text,
                rs.getInt("part_index"),
                rs.getInt("part_count"),
                rs.getInt("attempts"),
                ContentCodec.read(rs.getString("content_type"), rs.getString("content_json"), text),
                Columns.optionalString(rs, "media_id"));
    }
}
