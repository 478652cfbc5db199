package com.vendin.whatsapp.persistence.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Keeps prepared statements per physical connection, so a hot statement is compiled by SQLite once
 * per connection instead of on every call (sqlite-jdbc and HikariCP cache none). Statements are
 * prepared on the unwrapped connection, which the pool hands to one thread at a time; they die with
 * it, and a closed connection's entry is dropped when the pool opens a new one.
 */
final class StatementCache implements StatementBuilderFactory {
    static final int PER_CONNECTION = 128;

    private final Map<Connection, Map<String, PreparedStatement>> byConnection =
            Collections.synchronizedMap(new IdentityHashMap<>());

    @Override
    public StatementBuilder createStatementBuilder(Connection pooled) {
        Connection physical = physical(pooled);
        Map<String, PreparedStatement> statements = byConnection.get(physical);
        if (statements == null) {
            forgetClosedConnections();
            statements = byConnection.computeIfAbsent(physical, c -> lru());
        }
        return new Builder(physical, statements);
    }

    /** The cached statements refer to their connection, so weak keys alone would never let a retired one go. */
    private void forgetClosedConnections() {
        synchronized (byConnection) {
            byConnection.keySet().removeIf(StatementCache::isClosed);
        }
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private static Connection physical(Connection pooled) {
        try {
            return pooled.isWrapperFor(Connection.class) ? pooled.unwrap(Connection.class) : pooled;
        } catch (SQLException e) {
            return pooled;
        }
    }

    private static Map<String, PreparedStatement> lru() {
        return new LinkedHashMap<>(PER_CONNECTION, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                if (size() <= PER_CONNECTION) {
                    return false;
                }
                closeQuietly(eldest.getValue());
                return true;
            }
        };
    }

    static void closeQuietly(Statement statement) {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // the statement is gone either way
        }
    }

    /** One handle's view of its connection's cache; a statement is taken out while in use and put back after. */
    private static final class Builder extends DefaultStatementBuilder {
        private final Connection physical;
        private final Map<String, PreparedStatement> statements;
        /** Statements handed out, with the SQL they were prepared from (Jdbi closes with its unparsed SQL). */
        private final Map<Statement, String> lent = new IdentityHashMap<>();

        Builder(Connection physical, Map<String, PreparedStatement> statements) {
            this.physical = physical;
            this.statements = statements;
        }

        @Override
        public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
            if (ctx.isReturningGeneratedKeys() || ctx.isConcurrentUpdatable()) {
                return super.create(conn, sql, ctx);
            }
            PreparedStatement statement = statements.remove(sql);
            if (statement == null || statement.isClosed()) {
                statement = physical.prepareStatement(sql);
            }
            lent.put(statement, sql);
            return statement;
        }

        @Override
        public void close(Connection conn, String sql, Statement statement) throws SQLException {
            String key = lent.remove(statement);
            if (key == null) {
                super.close(conn, sql, statement);
                return;
            }
            if (statement.isClosed()) {
                return;
            }
            PreparedStatement prepared = (PreparedStatement) statement;
            try {
                prepared.clearParameters();
                prepared.clearBatch();
            } catch (SQLException e) {
                closeQuietly(prepared);
                return;
            }
            PreparedStatement previous = statements.put(key, prepared);
            if (previous != null && previous != prepared) {
                closeQuietly(previous);
            }
        }
    }
}
