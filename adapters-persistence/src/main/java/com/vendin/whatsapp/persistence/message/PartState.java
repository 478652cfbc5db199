package com.vendin.whatsapp.persistence.message;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** The id and state of an outbound part found by its provider message id (public only for Jdbi mapping). */
public record PartState(long id, String state) {

    /** Reads {@code id, state}. */
    public static final class Mapper implements RowMapper<PartState> {
        @Override
        public PartState map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new PartState(rs.getLong("id"), rs.getString("state"));
        }
    }
}
