package com.vendin.whatsapp.persistence.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Builds the pooled data source; every SQLite connection gets WAL, NORMAL sync, foreign keys and a busy timeout;
 * PostgreSQL connections run at READ COMMITTED (see {@link Database}) and end a transaction left idle (see {@link
 * DatabaseConfig#idleInTransactionTimeout()}).
 */
final class DataSources {
    static final int WAL_BACKSTOP_PAGES = 20_000;

    private DataSources() {}

    static HikariDataSource pooled(DatabaseConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("gateway-db");
        hikari.setConnectionTimeout(config.connectionTimeout().toMillis());
        if (config.isSqlite()) {
            hikari.setDataSource(sqlite(config));
            // A local file never goes stale: keep connections (and their cached statements) for good.
            hikari.setMaxLifetime(0);
        } else {
            hikari.setJdbcUrl(config.jdbcUrl());
            hikari.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
            // Once per new connection, not per transaction.
            hikari.setConnectionInitSql("SET idle_in_transaction_session_timeout = "
                    + config.idleInTransactionTimeout().toMillis());
        }
        if (config.isInMemory()) {
            // Every connection to :memory: is a database of its own: keep exactly one, forever.
            hikari.setMaximumPoolSize(1);
            hikari.setIdleTimeout(0);
        } else {
            hikari.setMaximumPoolSize(config.maxPoolSize());
        }
        return new HikariDataSource(hikari);
    }

    private static SQLiteDataSource sqlite(DatabaseConfig config) {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        sqlite.enforceForeignKeys(true);
        sqlite.setBusyTimeout((int) config.busyTimeout().toMillis());
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        sqlite.setTempStore(SQLiteConfig.TempStore.MEMORY);
        // Checkpoints run in the background (WalCheckpointer); this high mark is only a backstop.
        sqlite.setWalAutocheckpoint(WAL_BACKSTOP_PAGES);
        SQLiteDataSource dataSource = new SQLiteDataSource(sqlite);
        dataSource.setUrl(config.jdbcUrl());
        return dataSource;
    }
}
