package com.vendin.whatsapp.persistence.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionException;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: concurrent write transactions are run one after another inside a single database
 * transaction, each in a savepoint of its own, and committed together.
 *
 * <p>Writes go to a <em>lane</em>: one on SQLite (it has one writer), {@link #postgresLanes a few} on
 * PostgreSQL (so writes do not all take turns on one connection). A caller queues its work on a lane (an
 * idle one if there is one, else the one with the fewest queued) and tries the lane's lock; whoever holds
 * the lock runs everything queued there so far (oldest first, at most {@link #MAX_SQLITE_BATCH} or
 * {@link #MAX_POSTGRES_BATCH} at a time) and commits, so a caller whose work another thread already ran
 * only finds it done. Every caller returns only after the commit that holds its work, and a work that
 * throws is rolled back to its savepoint alone: the others of its batch commit, and it sees its own
 * exception, exactly as if it had run by itself. A batch of one runs without a savepoint.
 *
 * <p>On PostgreSQL (READ COMMITTED) a work that meets a deadlock or a serialization failure is not failed:
 * it is rolled back to its savepoint (which also releases the advisory locks, row locks and everything else
 * it took there, see {@link Dialect#lock}), its siblings go on, and once the batch has committed the caller
 * runs it again in a transaction of its own, again after a conflict, {@link #WRITE_ATTEMPTS} runs in all. A
 * batch holds the locks of its earlier works until it commits, so two lanes can wait on each other where
 * two single transactions would not (keys taken in sorted order by different works of one batch): the
 * database detects such a deadlock and fails one of the waiting works, which then runs again alone as
 * above. So that a work waiting on a lock neither stalls its siblings nor waits out the server's deadlock
 * detection, a batch of several waits at most {@link #BATCH_LOCK_TIMEOUT} for any one lock; a work that
 * waits longer is rolled back to its savepoint and run again alone, where it waits as long as it needs. A
 * failed commit fails every work of its batch (or, after a deadlock or serialization failure, runs each
 * again alone).
 *
 * <p>The gain is that one commit serves many small transactions: on SQLite one set of written pages
 * instead of the same index pages written again for each; on PostgreSQL one WAL flush and one commit
 * round trip.
 */
final class GroupCommit {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    static final int MAX_SQLITE_BATCH = 256;
    /**
     * PostgreSQL keeps the subtransaction ids of a running transaction in a cache of 64
     * ({@code PGPROC_MAX_CACHED_SUBIDS}); a transaction with more makes every other session's snapshots
     * look them up in {@code pg_subtrans}. Each writing work of a batch is one subtransaction.
     */
    static final int MAX_POSTGRES_BATCH = 64;
    /** Runs of one write transaction that met a deadlock or serialization failure, counting the first. */
    static final int WRITE_ATTEMPTS = 6;
    /**
     * How long a work inside a PostgreSQL batch of several waits for one lock before it is run again alone:
     * longer than another lane's batch usually holds its locks (a few milliseconds), far shorter than the
     * server's deadlock detection (1 s by default).
     */
    static final Duration BATCH_LOCK_TIMEOUT = Duration.ofMillis(20);

    private static final String SAVEPOINT = "unit";
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final Jdbi jdbi;
    private final boolean postgres;
    private final int maxBatch;
    private final Duration lockTimeout;
    private final List<Lane> lanes;
    private final AtomicInteger nextLane = new AtomicInteger();
    private final ThreadLocal<Boolean> writing = new ThreadLocal<>();
    private final LongAdder commits = new LongAdder();
    private final LongAdder runAgain = new LongAdder();

    private GroupCommit(Jdbi jdbi, boolean postgres, List<ReentrantLock> laneLocks, Duration lockTimeout) {
        this.jdbi = jdbi;
        this.postgres = postgres;
        this.lockTimeout = lockTimeout;
        this.maxBatch = postgres ? MAX_POSTGRES_BATCH : MAX_SQLITE_BATCH;
        this.lanes = laneLocks.stream().map(Lane::new).toList();
    }

    /** SQLite: one lane. */
    static GroupCommit sqlite(Jdbi jdbi) {
        return new GroupCommit(jdbi, false, List.of(new ReentrantLock()), Duration.ZERO);
    }

    /** PostgreSQL: {@code lanes} lanes, each running its batches in a READ COMMITTED transaction. */
    static GroupCommit postgres(Jdbi jdbi, int lanes) {
        return postgres(jdbi, lanes, BATCH_LOCK_TIMEOUT);
    }

    /** {@link #postgres(Jdbi, int)} with another wait for a lock in a batch of several (zero: no limit). */
    static GroupCommit postgres(Jdbi jdbi, int lanes, Duration lockTimeout) {
        if (lanes < 1) {
            throw new IllegalArgumentException("lanes must be at least 1");
        }
        List<ReentrantLock> locks = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            locks.add(new ReentrantLock());
        }
        return new GroupCommit(jdbi, true, locks, lockTimeout);
    }

    /**
     * The lanes for a pool of {@code poolSize} connections on a machine with {@code cores} processors: one
     * per core, since a lane keeps about one core busy (its works' Java code, the driver, the round trips);
     * at least two, so that one lane's statements run while the other waits for its commit's WAL flush, and
     * a work waiting on a lock does not hold up every write; and at most half the pool, since each lane
     * holds a connection while its batch runs and reads, works run again alone and other processes' work
     * need the rest.
     */
    static int postgresLanes(int poolSize, int cores) {
        return Math.max(1, Math.min(Math.max(2, cores), poolSize / 2));
    }

    <R> R write(HandleCallback<R, RuntimeException> work) {
        if (writing.get() != null || lanes.stream().anyMatch(lane -> lane.lock.isHeldByCurrentThread())) {
            throw new IllegalStateException("write transactions must not nest");
        }
        writing.set(Boolean.TRUE);
        try {
            Unit<R> mine = new Unit<>(work);
            choose().run(mine);
            if (mine.runAgain) {
                runAgain.increment();
                return alone(work, mine.attempts + 1);
            }
            return mine.outcome();
        } finally {
            writing.remove();
        }
    }

    /** Runs {@code work} while no write runs (the schema migration). */
    <T> T exclusively(Supplier<T> work) {
        lanes.forEach(lane -> lane.lock.lock());
        try {
            return work.get();
        } finally {
            lanes.forEach(lane -> lane.lock.unlock());
            lanes.forEach(Lane::wakeNextLeader);
        }
    }

    /** How many transactions this has committed (fewer than the writes when they were grouped). */
    long commits() {
        return commits.sum();
    }

    /** Works rolled back to their savepoint (or with their batch) after a conflict and run again alone. */
    long runsAgain() {
        return runAgain.sum();
    }

    int lanes() {
        return lanes.size();
    }

    /** Works queued and not yet taken into a batch, on all lanes; for tests. */
    int queued() {
        return lanes.stream().mapToInt(lane -> lane.queued.get()).sum();
    }

    /** The first idle lane from a rotating start, else the one with the fewest works queued. */
    private Lane choose() {
        int n = lanes.size();
        if (n == 1) {
            return lanes.get(0);
        }
        int start = Math.floorMod(nextLane.getAndIncrement(), n);
        Lane shortest = null;
        for (int i = 0; i < n; i++) {
            Lane lane = lanes.get((start + i) % n);
            if (lane.idle()) {
                return lane;
            }
            if (shortest == null || lane.queued.get() < shortest.queued.get()) {
                shortest = lane;
            }
        }
        return shortest;
    }

    /** A work in a transaction of its own (PostgreSQL), run again after a deadlock or serialization failure. */
    private <R> R alone(HandleCallback<R, RuntimeException> work, int firstAttempt) {
        for (int attempt = firstAttempt; ; attempt++) {
            try {
                R result = jdbi.inTransaction(work);
                commits.increment();
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
        return hasState(failure, "40001") || hasState(failure, "40P01");
    }

    private static boolean hasState(Throwable failure, String state) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Runs the oldest units queued on {@code lane} in one transaction; called with the lane's lock held. */
    private void runBatch(Lane lane) {
        List<Unit<?>> batch = new ArrayList<>();
        for (Unit<?> next; batch.size() < maxBatch && (next = lane.queue.poll()) != null; ) {
            lane.queued.decrementAndGet();
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            // Pooled PostgreSQL connections are READ COMMITTED already (DataSources): asking Jdbi for the level
            // would cost a round trip (SHOW TRANSACTION ISOLATION LEVEL) per transaction.
            jdbi.useTransaction(handle -> runUnits(handle, batch));
            commits.increment();
        } catch (RuntimeException | Error e) {
            // The commit failed (or the only unit threw): nothing of the batch is written.
            for (Unit<?> unit : batch) {
                unit.failIfNoOwnFailure(e);
            }
        }
        for (Unit<?> unit : batch) {
            if (postgres && unit.failure != null && isTransient(unit.failure)) {
                unit.runAgainAfter(1);
            }
            unit.finish();
        }
    }

    private void runUnits(Handle handle, List<Unit<?>> batch) {
        if (batch.size() == 1) {
            batch.get(0).runAlone(handle);
            return;
        }
        if (postgres) {
            // One round trip per work for its savepoint: each nests in the previous one (not released, which
            // would cost another round trip; all commit together), the first also sets the batch's lock wait.
            String first = "SET LOCAL lock_timeout = " + lockTimeout.toMillis() + "; SAVEPOINT " + SAVEPOINT;
            for (Unit<?> unit : batch) {
                unit.runInPostgresSavepoint(handle, unit == batch.get(0) ? first : "SAVEPOINT " + SAVEPOINT);
            }
        } else {
            for (Unit<?> unit : batch) {
                unit.runInSavepoint(handle);
            }
        }
    }

    private final class Lane {
        private final ReentrantLock lock;
        private final Queue<Unit<?>> queue = new ConcurrentLinkedQueue<>();
        private final AtomicInteger queued = new AtomicInteger();

        Lane(ReentrantLock lock) {
            this.lock = lock;
        }

        boolean idle() {
            return !lock.isLocked() && queued.get() == 0;
        }

        /**
         * Queues {@code mine} and returns once it ran. The thread that gets the lock leads: it runs batches
         * until its own work is done, then wakes the thread of the oldest work still queued to lead next.
         * The others sleep until the leader that ran their work wakes them: they need not take the lock in
         * turn only to find their work done, one wake-up after the other.
         */
        void run(Unit<?> mine) {
            queued.incrementAndGet();
            queue.add(mine);
            boolean interrupted = false;
            while (!mine.done) {
                if (lock.tryLock()) {
                    try {
                        while (!mine.done) {
                            runBatch(this);
                        }
                    } finally {
                        lock.unlock();
                    }
                    wakeNextLeader();
                } else {
                    // Whoever holds the lock wakes the oldest queued work's thread after releasing it.
                    LockSupport.park(this);
                    // Like a lock's wait: not interruptible, the interrupt is kept for later.
                    interrupted |= Thread.interrupted();
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        /** After the lock is released: the thread of the oldest queued work (if any) tries to lead. */
        void wakeNextLeader() {
            Unit<?> next = queue.peek();
            if (next != null) {
                LockSupport.unpark(next.thread);
            }
        }
    }

    private final class Unit<R> {
        private final HandleCallback<R, RuntimeException> work;
        private R result;
        private Throwable failure;
        private final Thread thread = Thread.currentThread();
        private volatile boolean done;
        /** Rolled back after a conflict: to be run again alone, after {@link #attempts} runs. */
        private boolean runAgain;

        private int attempts;

        Unit(HandleCallback<R, RuntimeException> work) {
            this.work = work;
        }

        void runAlone(Handle handle) {
            try {
                result = work.withHandle(handle);
            } catch (RuntimeException | Error e) {
                failure = e;
                throw e;
            }
        }

        /**
         * SQLite: one statement per work for its savepoint, which nests in the previous work's (releasing it would
         * be a second statement; the batch's COMMIT ends them all, and a rollback to the name goes to the most
         * recent savepoint of that name, this work's own).
         */
        void runInSavepoint(Handle handle) {
            Connection connection = handle.getConnection();
            Savepoint savepoint = jdbc(() -> connection.setSavepoint(SAVEPOINT));
            try {
                result = work.withHandle(handle);
            } catch (RuntimeException e) {
                result = null;
                failure = e;
                jdbc(() -> {
                    connection.rollback(savepoint);
                    return null;
                });
            }
        }

        void runInPostgresSavepoint(Handle handle, String savepoint) {
            Connection connection = handle.getConnection();
            execute(connection, savepoint);
            try {
                result = work.withHandle(handle);
                if (aborted(connection)) {
                    throw new IllegalStateException("a write went on after one of its statements failed");
                }
            } catch (RuntimeException e) {
                result = null;
                // The most recent savepoint of the name: this work's own.
                execute(connection, "ROLLBACK TO SAVEPOINT " + SAVEPOINT);
                if (isTransient(e)) {
                    runAgainAfter(1);
                } else if (hasState(e, LOCK_NOT_AVAILABLE)) {
                    // Waited longer than the batch allows (our lock_timeout): not a conflict, a full set of runs.
                    runAgainAfter(0);
                } else {
                    failure = e;
                }
            }
        }

        /** Done: its caller may return (its outcome is set before). */
        void finish() {
            done = true;
            if (thread != Thread.currentThread()) {
                LockSupport.unpark(thread);
            }
        }

        void runAgainAfter(int runs) {
            runAgain = true;
            attempts = runs;
            failure = null;
            result = null;
        }

        void failIfNoOwnFailure(Throwable batchFailure) {
            if (failure == null && !runAgain) {
                failure = batchFailure;
            }
            result = null;
        }

        R outcome() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return result;
        }
    }

    private interface JdbcCall<T> {
        T call() throws SQLException;
    }

    private static <T> T jdbc(JdbcCall<T> call) {
        try {
            return call.call();
        } catch (SQLException e) {
            throw new TransactionException("savepoint of a grouped write failed", e);
        }
    }

    private static void execute(Connection connection, String sql) {
        jdbc(() -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
            return null;
        });
    }

    /** Whether the transaction is in the failed state (a statement failed and was not rolled back to a savepoint). */
    private static boolean aborted(Connection connection) {
        return jdbc(() -> connection.unwrap(BaseConnection.class).getTransactionState() == TransactionState.FAILED);
    }
}
