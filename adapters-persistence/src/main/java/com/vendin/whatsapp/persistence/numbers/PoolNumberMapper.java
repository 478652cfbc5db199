package com.vendin.whatsapp.persistence.numbers;

import com.vendin.whatsapp.persistence.db.Columns;
import com.vendin.whatsapp.ports.numbers.PoolNumber;
import com.vendin.whatsapp.ports.numbers.PoolStatus;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads a pool row (public only because Jdbi instantiates it). */
public final class PoolNumberMapper implements RowMapper<PoolNumber> {
    @Override
    public PoolNumber map(ResultSet rs, StatementContext ctx) throws SQLException {
        String status = rs.getString("status");
        return new PoolNumber(
                new PhoneNumber(rs.getString("phone_number")),
                rs.getString("phone_id"),
                PoolStatus.fromWire(status).orElseThrow(() -> new IllegalStateException("pool status " + status)),
                Columns.optionalString(rs, "assigned_tenant_id").map(TenantId::new),
                Columns.instant(rs, "created_at"),
                Columns.instant(rs, "updated_at"));
    }
}
