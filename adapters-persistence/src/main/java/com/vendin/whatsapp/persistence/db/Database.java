package com.vendin.whatsapp.persistence.db;

import com.zaxxer.hikari.HikariDataSource;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
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
 * <p>On PostgreSQL writes of any number of processes run in parallel at READ COMMITTED (those of this
 * process grouped on a few lanes, {@link GroupCommit}, each lane's concurrent writes sharing one commit).
 * Every write is
 * either one conditional statement (a transition that names the state it leaves), a claim with
 * {@code FOR UPDATE SKIP LOCKED}, or a read-then-write guarded by {@link Dialect#lock advisory locks}; a
 * transaction that meets a deadlock or a serialization failure is run again from the start (a few times),
 * so write callbacks must only touch the database.
 *
 * <p>Write transactions must not nest and must not wait on the network.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final DatabaseConfig config;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Optional<WalCheckpointer> checkpointer;
    private final GroupCommit groupCommit;
    private final Map<WritePurpose, LongAdder> committedWrites = new EnumMap<>(WritePurpose.class);
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
        this.groupCommit = config.isSqlite()
                ? GroupCommit.sqlite(jdbi)
                : GroupCommit.postgres(
                        jdbi,
                        GroupCommit.postgresLanes(
                                config.maxPoolSize(), Runtime.getRuntime().availableProcessors()));
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
        groupCommit.exclusively(() -> {
            Migrations.run(dataSource, config.dialect());
            return null;
        });
    }

    /**
     * Runs {@code work} in one short write transaction; it commits when {@code work} returns and rolls back
     * when it throws. Concurrent callers share one commit ({@link GroupCommit}): each one's work runs in its
     * own savepoint, in arrival order, and every caller returns after the commit that holds it. On
     * PostgreSQL a work that meets a deadlock or a serialization failure runs again, so {@code work} must
     * have no effect outside the database.
     */
    public <R> R inWrite(HandleCallback<R, RuntimeException> work) {
        return inWrite(WritePurpose.OTHER, work);
    }

    /** {@link #inWrite(HandleCallback)}, counted under {@code purpose} when it commits. */
    public <R> R inWrite(WritePurpose purpose, HandleCallback<R, RuntimeException> work) {
        try {
            R result = groupCommit.write(work);
            committedWrites.get(purpose).increment();
            return result;
        } finally {
            if (purpose == WritePurpose.TENANTS) {
                tenantsChanged();
            }
        }
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
     * Database commits since this opened (real {@code COMMIT}s): fewer than the write transactions, which
     * share them ({@link GroupCommit}).
     */
    public long databaseCommits() {
        return groupCommit.commits();
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

    /** Transactions committed by the group commit; for tests. */
    long groupCommits() {
        return groupCommit.commits();
    }

    /** Write transactions rolled back after a deadlock or serialization failure and run again; for tests. */
    long writesRunAgain() {
        return groupCommit.runsAgain();
    }

    /** The group commit's lanes: one on SQLite, a few on PostgreSQL; for tests. */
    int writeLanes() {
        return groupCommit.lanes();
    }

    public DatabaseConfig config() {
        return config;
    }

    @Override
    public void close() {
        checkpointer.ifPresent(WalCheckpointer::close);
        dataSource.close();
    }
}
