package com.vendin.whatsapp.persistence.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * Group commit for a database with one writer (SQLite): concurrent write transactions are run one after
 * another inside a single database transaction, each in a savepoint of its own, and committed together.
 *
 * <p>A caller queues its work and takes the write lock; whoever holds the lock runs everything queued so
 * far (oldest first, at most {@link #MAX_BATCH} at a time) and commits, so a caller whose work another
 * thread already ran only finds it done. Every caller still returns only after the commit that holds its
 * work, and a work that throws is rolled back to its savepoint alone: the others of its batch commit, and
 * it sees its own exception, exactly as if it had run by itself. The gain is that one commit (and one set
 * of written pages) serves many small transactions, where SQLite would otherwise write the same index
 * pages again for each of them.
 */
final class GroupCommit {
    static final int MAX_BATCH = 256;
    private static final String SAVEPOINT = "unit";

    private final Jdbi jdbi;
    private final ReentrantLock lock;
    private final Queue<Unit<?>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong commits = new AtomicLong();

    GroupCommit(Jdbi jdbi, ReentrantLock lock) {
        this.jdbi = jdbi;
        this.lock = lock;
    }

    <R> R write(HandleCallback<R, RuntimeException> work) {
        if (lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("write transactions must not nest");
        }
        Unit<R> mine = new Unit<>(work);
        queue.add(mine);
        lock.lock();
        try {
            while (!mine.done) {
                runBatch();
            }
        } finally {
            lock.unlock();
        }
        return mine.outcome();
    }

    /** How many transactions this has committed (for tests: fewer than the writes when they were grouped). */
    long commits() {
        return commits.get();
    }

    /** Runs the oldest queued units in one transaction; called with the lock held. */
    private void runBatch() {
        List<Unit<?>> batch = new ArrayList<>();
        for (Unit<?> next; batch.size() < MAX_BATCH && (next = queue.poll()) != null; ) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            jdbi.useTransaction(handle -> {
                if (batch.size() == 1) {
                    batch.get(0).runAlone(handle);
                } else {
                    for (Unit<?> unit : batch) {
                        unit.runInSavepoint(handle);
                    }
                }
            });
            commits.incrementAndGet();
        } catch (RuntimeException | Error e) {
            // The commit failed (or the only unit threw): nothing of the batch is written.
            for (Unit<?> unit : batch) {
                unit.failIfNoOwnFailure(e);
            }
        }
        for (Unit<?> unit : batch) {
            unit.done = true;
        }
    }

    private static final class Unit<R> {
        private final HandleCallback<R, RuntimeException> work;
        private R result;
        private Throwable failure;
        private boolean done;

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

        void runInSavepoint(Handle handle) {
            handle.savepoint(SAVEPOINT);
            try {
                result = work.withHandle(handle);
            } catch (RuntimeException e) {
                failure = e;
                handle.rollbackToSavepoint(SAVEPOINT); // Jdbi forgets the savepoint with this
                return;
            }
            handle.releaseSavepoint(SAVEPOINT);
        }

        void failIfNoOwnFailure(Throwable batchFailure) {
            if (failure == null) {
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
}
