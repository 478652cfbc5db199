package com.vendin.whatsapp.persistence.tenant;

import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.AdminPhone;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads an {@link AdminPhone} from a {@code tenant_admins} row (public only because Jdbi instantiates it). */
public final class AdminPhoneMapper implements RowMapper<AdminPhone> {
    @Override
    public AdminPhone map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new AdminPhone(
                rs.getString("id"),
                new TenantId(rs.getString("tenant_id")),
                rs.getString("user_id"),
                new PhoneNumber(rs.getString("phone")),
                rs.getString("role"),
                Instant.ofEpochMilli(rs.getLong("phone_verified_at")),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
