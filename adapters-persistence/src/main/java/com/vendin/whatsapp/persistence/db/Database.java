package com.vendin.whatsapp.persistence.db;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control-plane database: a connection pool, a {@link Jdbi} over it, schema migrations, and
 * short write transactions.
 *
 * <p>On SQLite the writes of this process take turns on one lock (concurrent ones committed together, see
 * {@link GroupCommit}) and every transaction begins {@code IMMEDIATE} (it takes the file's write lock up
 * front, so a read-then-write inside it cannot be overtaken); threads queue in memory instead of meeting
 * SQLITE_BUSY, another
 * process is waited for up to the busy timeout, and reads run in parallel (WAL). Prepared statements are
 * kept per pooled connection, and the write-ahead log is checkpointed by a background thread.
 *
 * <p>On PostgreSQL writes of any number of processes run in parallel at READ COMMITTED. Every write is
 * either one conditional statement (a transition that names the state it leaves), a claim with
 * {@code FOR UPDATE SKIP LOCKED}, or a read-then-write guarded by {@link Dialect#lock advisory locks}; a
 * transaction that meets a deadlock or a serialization failure is run again from the start (a few times),
 * so write callbacks must only touch the database.
 *
 * <p>Write transactions must not nest and must not wait on the network.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** Runs of one write transaction that met a deadlock or serialization failure, counting the first. */
    static final int WRITE_ATTEMPTS = 6;

    private final DatabaseConfig config;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Optional<WalCheckpointer> checkpointer;
    private final GroupCommit groupCommit;
    private final Map<WritePurpose, LongAdder> committedWrites = new EnumMap<>(WritePurpose.class);
    private final LongAdder postgresCommits = new LongAdder();
    private final AtomicLong tenantChanges = new AtomicLong();

    private Database(DatabaseConfig config, HikariDataSource dataSource) {
        this.config = config;
        this.dataSource = dataSource;
        this.checkpointer = config.sqliteFile().map(file -> new WalCheckpointer(dataSource));
        this.jdbi = Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin());
        jdbi.registerArgument(new NulFreeStrings());
        jdbi.define(Dialect.ATTRIBUTE, config.dialect());
        if (config.isSqlite()) {
            // PgJDBC keeps server-side prepared statements per connection itself.
            jdbi.setStatementBuilderFactory(new StatementCache());
        }
        this.groupCommit = new GroupCommit(jdbi, writeLock);
        for (WritePurpose purpose : WritePurpose.values()) {
            committedWrites.put(purpose, new LongAdder());
        }
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

    /**
     * Brings the schema up to the newest migration in {@code classpath:db/migration}; safe to call on every
     * start, also by several processes at once on PostgreSQL (Flyway holds an advisory lock while it migrates).
     */
    public void migrate() {
        exclusively(() -> {
            Migrations.run(dataSource, config.dialect());
            return null;
        });
    }

    /**
     * Runs {@code work} in one short write transaction; it commits when {@code work} returns and rolls back
     * when it throws. On SQLite, concurrent callers share one commit ({@link GroupCommit}): each one's work
     * runs in its own savepoint, in arrival order, and every caller returns after the commit that holds it.
     * On PostgreSQL a transaction that meets a deadlock or a serialization failure runs again, so
     * {@code work} must have no effect outside the database.
     */
    public <R> R inWrite(HandleCallback<R, RuntimeException> work) {
        return inWrite(WritePurpose.OTHER, work);
    }

    /** {@link #inWrite(HandleCallback)}, counted under {@code purpose} when it commits. */
    public <R> R inWrite(WritePurpose purpose, HandleCallback<R, RuntimeException> work) {
        try {
            R result = write(work);
            committedWrites.get(purpose).increment();
            return result;
        } finally {
            if (purpose == WritePurpose.TENANTS) {
                tenantsChanged();
            }
        }
    }

    private <R> R write(HandleCallback<R, RuntimeException> work) {
        if (config.isSqlite()) {
            return groupCommit.write(work);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                R result = jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, work);
                postgresCommits.increment();
                return result;
            } catch (RuntimeException e) {
                if (attempt >= WRITE_ATTEMPTS || !isTransient(e)) {
                    throw e;
                }
                LOG.debug("write transaction met a conflict (attempt {}); running it again", attempt, e);
                LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000_000L, 5_000_000L * attempt));
            }
        }
    }

    /** A deadlock (40P01) or serialization failure (40001): the transaction rolled back and may simply run again. */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    public void useWrite(HandleConsumer<RuntimeException> work) {
        inWrite(work.asCallback());
    }

    /** {@link #useWrite(HandleConsumer)}, counted under {@code purpose} when it commits. */
    public void useWrite(WritePurpose purpose, HandleConsumer<RuntimeException> work) {
        inWrite(purpose, work.asCallback());
    }

    /** Write transactions for {@code purpose} committed since this opened (for {@code /metrics}). */
    public long committedWrites(WritePurpose purpose) {
        return committedWrites.get(purpose).sum();
    }

    /**
     * Database commits since this opened: on SQLite fewer than the write transactions, which share them
     * ({@link GroupCommit}); on PostgreSQL one per write transaction.
     */
    public long databaseCommits() {
        return config.isSqlite() ? groupCommit.commits() : postgresCommits.sum();
    }

    /**
     * Tells the caches of routing data in this process ({@code TenantCache}) that a write of this process which
     * changed tenants, their numbers, credentials or admin phones has committed: they forget what they hold before
     * their next lookup. Writes of other processes reach them through the {@code cache_versions} row (V11).
     */
    public void tenantsChanged() {
        tenantChanges.incrementAndGet();
    }

    /** How many times {@link #tenantsChanged} was called: a cache that saw another count is stale. */
    public long tenantChanges() {
        return tenantChanges.get();
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
