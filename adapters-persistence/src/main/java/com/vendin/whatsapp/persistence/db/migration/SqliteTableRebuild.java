package com.vendin.whatsapp.persistence.db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQLite's way to change a column constraint (sqlite.org/lang_altertable.html, "Making Other Kinds Of Table
 * Schema Changes"): a new table is created from the old one's stored {@code CREATE TABLE} text with only that
 * column's definition changed (so every column, constraint, default and foreign key earlier migrations made is
 * kept, whatever they are), the rows are copied column by column as {@code PRAGMA table_info} lists them, the
 * old table is dropped and the new one renamed, its indexes and triggers are created again from their stored
 * text, and its AUTOINCREMENT counter is carried over (ids are never reused). Runs with foreign keys off, inside
 * one transaction, and checks {@code PRAGMA foreign_key_check} before committing.
 */
final class SqliteTableRebuild {
    private final Connection connection;
    private final String table;

    SqliteTableRebuild(Connection connection, String table) {
        this.connection = connection;
        this.table = table;
    }

    /** Work that touches the database. */
    @FunctionalInterface
    interface Work {
        void run() throws SQLException;
    }

    /**
     * Runs {@code work} in one transaction with foreign keys off (SQLite ignores that pragma inside a
     * transaction, so it is set before), checks that no foreign key is broken, commits, and turns them on again.
     */
    static void withoutForeignKeys(Connection connection, Work work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        if (!autoCommit) {
            connection.commit();
            connection.setAutoCommit(true);
        }
        execute(connection, List.of("PRAGMA foreign_keys = OFF"));
        try {
            connection.setAutoCommit(false);
            try {
                work.run();
                List<String> broken = strings(connection, "PRAGMA foreign_key_check", 1);
                if (!broken.isEmpty()) {
                    throw new SQLException("V10 would break foreign keys of " + broken);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } finally {
            execute(connection, List.of("PRAGMA foreign_keys = ON"));
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Rebuilds the table with {@code column} nullable; nothing to do when it already is. */
    void dropNotNull(String column) throws SQLException {
        if (!notNull(column)) {
            return;
        }
        String createSql =
                strings(connection, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'", 1)
                        .stream()
                        .findFirst()
                        .orElseThrow(() -> new SQLException("no table " + table));
        String rebuilt = table + "_rebuilt";
        String create = withoutNotNull(renamed(createSql, rebuilt), column);
        List<String> columns = columns(table);
        List<String> indexesAndTriggers = strings(
                connection,
                "SELECT sql FROM sqlite_master WHERE tbl_name = '" + table
                        + "' AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name",
                1);
        Optional<Long> sequence = sequence(table);
        long rows = count(table);

        String list =
                String.join(", ", columns.stream().map(c -> "\"" + c + "\"").toList());
        execute(
                connection,
                List.of(
                        create,
                        "INSERT INTO " + rebuilt + " (" + list + ") SELECT " + list + " FROM " + table,
                        "DROP TABLE " + table,
                        "ALTER TABLE " + rebuilt + " RENAME TO " + table));
        execute(connection, indexesAndTriggers);
        if (sequence.isPresent()) {
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = ?")) {
                update.setLong(1, sequence.get());
                update.setString(2, table);
                if (update.executeUpdate() == 0) {
                    try (PreparedStatement insert =
                            connection.prepareStatement("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)")) {
                        insert.setString(1, table);
                        insert.setLong(2, sequence.get());
                        insert.executeUpdate();
                    }
                }
            }
        }
        if (notNull(column) || !columns(table).equals(columns) || count(table) != rows) {
            throw new SQLException("rebuilding " + table + " did not keep its columns and rows");
        }
    }

    /** The stored {@code CREATE TABLE} text naming {@code newName} instead. */
    static String renamed(String createSql, String newName) throws SQLException {
        Matcher head = Pattern.compile("^\\s*CREATE\\s+TABLE\\s+(\"?)\\w+\\1", Pattern.CASE_INSENSITIVE)
                .matcher(createSql);
        if (!head.find()) {
            throw new SQLException("unexpected table definition: " + createSql);
        }
        return "CREATE TABLE " + newName + createSql.substring(head.end());
    }

    /** The definition with {@code column}'s {@code NOT NULL} removed (exactly one must be found). */
    static String withoutNotNull(String createSql, String column) throws SQLException {
        Matcher definition = Pattern.compile(
                        "([(,]\\s*\"?" + Pattern.quote(column) + "\"?\\s+\\w+)\\s+NOT\\s+NULL",
                        Pattern.CASE_INSENSITIVE)
                .matcher(createSql);
        if (!definition.find()) {
            throw new SQLException("no NOT NULL on column " + column + " in: " + createSql);
        }
        String changed = createSql.substring(0, definition.start())
                + definition.group(1)
                + createSql.substring(definition.end());
        if (definition.find()) {
            throw new SQLException("column " + column + " is defined twice in: " + createSql);
        }
        return changed;
    }

    private boolean notNull(String column) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                if (rs.getString("name").equalsIgnoreCase(column)) {
                    return rs.getInt("notnull") != 0;
                }
            }
        }
        throw new SQLException("no column " + column + " in " + table);
    }

    private List<String> columns(String name) throws SQLException {
        return strings(connection, "PRAGMA table_info(" + name + ")", 2);
    }

    private Optional<Long> sequence(String name) throws SQLException {
        if (strings(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'", 1)
                .isEmpty()) {
            return Optional.empty();
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT seq FROM sqlite_sequence WHERE name = ?")) {
            query.setString(1, name);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private long count(String name) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + name)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Whether {@code connection} is to SQLite (the Java migrations branch on it). */
    static boolean isSqlite(Connection connection) throws SQLException {
        return connection
                .getMetaData()
                .getDatabaseProductName()
                .toLowerCase(java.util.Locale.ROOT)
                .contains("sqlite");
    }

    static void execute(Connection connection, List<String> statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static List<String> strings(Connection connection, String sql, int column) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(column));
            }
        }
        return values;
    }
}
