package com.vendin.whatsapp.persistence.db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * V10, tenant-initiated sends (CONTRACT §3.2): {@code outbound_messages.inbound_id} becomes nullable (a part a
 * tenant sends on its own answers no inbound message), parts keep the {@code replyTo} they were sent with
 * (what they send is in V8's content columns, as for replies), tenants' idempotency keys are kept with their receipts, and the 24-hour window reads a thread's
 * newest message through an index.
 *
 * <p>A Java migration because SQLite cannot drop a NOT NULL constraint: the table is rebuilt from its own stored
 * definition ({@link SqliteTableRebuild}), whatever columns earlier migrations added. The rebuild needs foreign
 * keys off, which SQLite ignores inside a transaction, so this migration runs outside Flyway's transaction and
 * opens its own: all of V10 commits or none of it does, on both databases.
 */
public final class V10__Tenant_initiated_sends extends BaseJavaMigration {
    /** Stable, so both databases record the same checksum (Java migrations have none of their own). */
    static final int CHECKSUM = 1_000_010;

    private static final List<String> COMMON = List.of(
            "ALTER TABLE outbound_messages ADD COLUMN reply_to TEXT",
            "CREATE TABLE send_idempotency_keys ("
                    + "tenant_id TEXT NOT NULL REFERENCES tenants (id) ON DELETE CASCADE, "
                    + "idempotency_key TEXT NOT NULL, "
                    + "send_id TEXT NOT NULL, "
                    + "part_ids TEXT NOT NULL, " // the queued parts' outbound ids, comma-separated, in order
                    + "created_at BIGINT NOT NULL, "
                    + "PRIMARY KEY (tenant_id, idempotency_key))",
            "CREATE INDEX idx_send_idempotency_created ON send_idempotency_keys (created_at)",
            "CREATE INDEX idx_inbound_thread_ts ON inbound_messages (tenant_id, thread_id, provider_ts)");

    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }

    @Override
    public Integer getChecksum() {
        return CHECKSUM;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        boolean sqlite = SqliteTableRebuild.isSqlite(connection);
        if (sqlite) {
            SqliteTableRebuild.withoutForeignKeys(connection, () -> {
                new SqliteTableRebuild(connection, "outbound_messages").dropNotNull("inbound_id");
                SqliteTableRebuild.execute(connection, COMMON);
            });
            return;
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            SqliteTableRebuild.execute(
                    connection, List.of("ALTER TABLE outbound_messages ALTER COLUMN inbound_id DROP NOT NULL"));
            SqliteTableRebuild.execute(connection, COMMON);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
