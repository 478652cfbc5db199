package com.vendin.whatsapp.persistence.db;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control-plane database: a connection pool, a {@link Jdbi} over it, schema migrations, and
 * short write transactions. On SQLite the writes of this process take turns on one lock (concurrent
 * ones committed together, see {@link GroupCommit}) and every transaction begins {@code IMMEDIATE} (it
 * takes the file's write lock up front, so a read-then-write inside it cannot be overtaken); threads
 * queue in memory instead of meeting SQLITE_BUSY, another
 * process is waited for up to the busy timeout, and reads run in parallel (WAL). Prepared statements are
 * kept per pooled connection, and the write-ahead log is checkpointed by a background thread.
 * Write transactions must not nest and must not wait on the network.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    static final String MIGRATIONS = "classpath:db/migration";

    private final DatabaseConfig config;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Optional<WalCheckpointer> checkpointer;
    private final GroupCommit groupCommit;

    private Database(DatabaseConfig config, HikariDataSource dataSource) {
        this.config = config;
        this.dataSource = dataSource;
        this.checkpointer = config.sqliteFile().map(file -> new WalCheckpointer(dataSource));
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        jdbi.setStatementBuilderFactory(new StatementCache());
        this.groupCommit = new GroupCommit(jdbi, writeLock);
    }

    /** Opens (creating an SQLite file if needed) with {@link DatabaseConfig#of default} settings. */
    public static Database open(String jdbcUrl) {
        return open(DatabaseConfig.of(jdbcUrl));
    }

    public static Database open(DatabaseConfig config) {
        HikariDataSource dataSource = DataSources.pooled(config);
        LOG.info("database opened: {}", DatabaseConfig.redact(config.jdbcUrl()));
        return new Database(config, dataSource);
    }

    /** Brings the schema up to the newest migration in {@code classpath:db/migration}; safe to call on every start. */
    public void migrate() {
        exclusively(() -> {
            var result = Flyway.configure(Database.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(MIGRATIONS)
                    .load()
                    .migrate();
            LOG.info("database schema at version {} ({} migrations applied)",
                    result.targetSchemaVersion, result.migrationsExecuted);
            return null;
        });
    }

    /**
     * Runs {@code work} in one short write transaction; it commits when {@code work} returns and rolls back
     * when it throws. On SQLite, concurrent callers share one commit ({@link GroupCommit}): each one's work
     * runs in its own savepoint, in arrival order, and every caller returns after the commit that holds it.
     */
    public <R> R inWrite(HandleCallback<R, RuntimeException> work) {
        if (!config.isSqlite()) {
            return jdbi.inTransaction(work);
        }
        return groupCommit.write(work);
    }

    public void useWrite(HandleConsumer<RuntimeException> work) {
        inWrite(work.asCallback());
    }

    /** Runs {@code work} outside any explicit transaction (each statement reads a consistent snapshot). */
    public <R> R inRead(HandleCallback<R, RuntimeException> work) {
        return jdbi.withHandle(work);
    }

    /** The underlying Jdbi, for reads; every write goes through {@link #inWrite}. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** Write transactions committed by the group commit (SQLite); for tests. */
    long groupCommits() {
        return groupCommit.commits();
    }

    public DatabaseConfig config() {
        return config;
    }

    @Override
    public void close() {
        checkpointer.ifPresent(WalCheckpointer::close);
        dataSource.close();
    }

    private <R> R exclusively(Supplier<R> work) {
        writeLock.lock();
        try {
            return work.get();
        } finally {
            writeLock.unlock();
        }
    }
}
