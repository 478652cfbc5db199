package com.vendin.whatsapp.persistence.tenant;

import com.vendin.whatsapp.persistence.db.Columns;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads a tenant row from the columns listed in {@code TenantDao.COLUMNS} (public only because Jdbi instantiates it). */
public final class TenantRowMapper implements RowMapper<TenantRow> {
    @Override
    public TenantRow map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new TenantRow(
                rs.getString("id"),
                rs.getString("subdomain"),
                rs.getString("instance_url"),
                rs.getString("instance_secret"),
                rs.getString("whatsapp_phone_number"),
                rs.getString("whatsapp_phone_id"),
                rs.getString("whatsapp_provider"),
                rs.getString("whatsapp_access_token"),
                rs.getString("twilio_account_sid"),
                rs.getString("twilio_auth_token"),
                rs.getString("whatsapp_status"),
                Columns.nullableLong(rs, "whatsapp_verified_at"),
                rs.getLong("created_at"),
                rs.getLong("updated_at"));
    }
}
