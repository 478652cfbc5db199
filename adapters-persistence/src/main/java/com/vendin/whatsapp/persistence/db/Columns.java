package com.vendin.whatsapp.persistence.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Reads nullable columns of the schema's shapes (BIGINT epoch milliseconds, TEXT). */
public final class Columns {
    private Columns() {}

    /** The column as a Long, or null when SQL NULL. */
    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    public static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(nullableLong(rs, column)).map(Instant::ofEpochMilli);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        return Instant.ofEpochMilli(rs.getLong(column));
    }

    public static Optional<String> optionalString(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }
}
