package com.vendin.whatsapp.persistence.message;

import com.vendin.whatsapp.ports.inbound.DeliveryStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** A status kept for a provider message id not yet recorded as sent (public only for Jdbi mapping). */
public record EarlyStatus(DeliveryStatus status, String errorCode, String errorTitle) {

    /** Reads an {@code early_statuses} row. */
    public static final class Mapper implements RowMapper<EarlyStatus> {
        @Override
        public EarlyStatus map(ResultSet rs, StatementContext ctx) throws SQLException {
            DeliveryStatus status = DeliveryStatus.fromWire(rs.getString("status"))
                    .orElseThrow(() -> new IllegalStateException("unknown status stored"));
            return new EarlyStatus(status, rs.getString("error_code"), rs.getString("error_title"));
        }
    }
}
