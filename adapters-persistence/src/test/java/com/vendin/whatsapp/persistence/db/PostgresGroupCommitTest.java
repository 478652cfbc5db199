package com.vendin.whatsapp.persistence.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vendin.whatsapp.persistence.testing.PostgresServer;
import com.vendin.whatsapp.persistence.testing.Sql;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.jdbi.v3.core.HandleCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Group commit on PostgreSQL: concurrent writes share commits on a few lanes, each in its own savepoint; a
 * throwing work fails alone, a conflicting one runs again, a failed commit fails its whole batch.
 *
 * <p>The batch tests use group commits of one lane over the same database and first hold the lane with a
 * work that waits, so that the works queued meanwhile form the next batch, in the order they were queued.
 */
class PostgresGroupCommitTest {
    private static final String OWN_ADVISORY_LOCKS =
            "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()";
    private Database db;
    private ExecutorService pool;

    @BeforeEach
    void open() {
        db = PostgresServer.emptied();
        pool = Executors.newCachedThreadPool();
        Sql.exec(db, "DROP TABLE IF EXISTS gc_probe");
        Sql.exec(db, "CREATE TABLE gc_probe (n INTEGER PRIMARY KEY, hits INTEGER NOT NULL DEFAULT 0)");
    }

    @AfterEach
    void close() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        Sql.exec(db, "DROP TABLE IF EXISTS gc_probe");
        db.close();
    }

    @Test
    void givenManyConcurrentWritersWhenTheyWriteThenTheyShareFewerCommitsThanWritesAndEachReturnsCommitted()
            throws Exception {
        assertThat(db.writeLanes()).isGreaterThan(1);
        long commitsBefore = db.databaseCommits();
        long writesBefore = db.committedWrites(WritePurpose.WEBHOOK);
        int threads = 16;
        int rounds = 50;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit((Callable<Void>) () -> {
                start.await();
                for (int i = 0; i < rounds; i++) {
                    int n = thread * rounds + i;
                    int returned = db.inWrite(WritePurpose.WEBHOOK, h -> {
                        h.execute("INSERT INTO gc_probe (n) VALUES (?)", n);
                        return n;
                    });
                    assertThat(returned).isEqualTo(n);
                    // Read-your-write on another connection: a returned write is committed.
                    assertThat(Sql.number(db, "SELECT COUNT(*) FROM gc_probe WHERE n = ?", n))
                            .isEqualTo(1);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(120, TimeUnit.SECONDS);
        }

        int total = threads * rounds;
        assertThat(Sql.number(db, "SELECT COUNT(*) FROM gc_probe")).isEqualTo(total);
        assertThat(db.committedWrites(WritePurpose.WEBHOOK) - writesBefore).isEqualTo(total);
        assertThat(db.databaseCommits() - commitsBefore).isPositive().isLessThan(total);
    }

    @Test
    void givenABatchWhenOneWorkThrowsThenOnlyItIsRolledBackAndItsSiblingsCommitInTheSameCommit() throws Exception {
        GroupCommit lane = GroupCommit.postgres(db.jdbi(), 1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = hold(lane, release);
        Future<Integer> first = queue(lane, h -> h.execute("INSERT INTO gc_probe (n) VALUES (1)"));
        Future<Integer> thrower = queue(lane, h -> {
            h.execute("INSERT INTO gc_probe (n) VALUES (2)");
            throw new IllegalStateException("work 2 gives up");
        });
        Future<Integer> failingStatement = queue(lane, h -> h.execute("INSERT INTO gc_probe (n) VALUES (1)"));
        Future<Integer> last = queue(lane, h -> h.execute("INSERT INTO gc_probe (n) VALUES (3)"));
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(last.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThatThrownBy(() -> thrower.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("work 2 gives up");
        assertThatThrownBy(() -> failingStatement.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("duplicate key");
        assertThat(Sql.strings(db, "SELECT n FROM gc_probe ORDER BY n")).containsExactly("1", "3");
        assertThat(lane.commits())
                .as("the holder's commit, then one for the four")
                .isEqualTo(2);
        assertThat(lane.runsAgain()).isZero();
    }

    @Test
    void givenAWorkThatSwallowsAFailedStatementWhenItReturnsThenItFailsAloneAndItsSiblingsCommit() throws Exception {
        GroupCommit lane = GroupCommit.postgres(db.jdbi(), 1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = hold(lane, release);
        Future<Integer> first = queue(lane, h -> h.execute("INSERT INTO gc_probe (n) VALUES (1)"));
        Future<Integer> swallower = queue(lane, h -> {
            try {
                return h.execute("INSERT INTO gc_probe (n) VALUES (1)");
            } catch (RuntimeException e) {
                return -1; // the transaction is aborted all the same
            }
        });
        Future<Integer> last = queue(lane, h -> h.execute("INSERT INTO gc_probe (n) VALUES (2)"));
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(last.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThatThrownBy(() -> swallower.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("after one of its statements failed");
        assertThat(Sql.strings(db, "SELECT n FROM gc_probe ORDER BY n")).containsExactly("1", "2");
    }

    @Test
    void givenABatchWhenTheCommitFailsThenEveryWorkOfItFailsAndNothingIsWritten() throws Exception {
        Sql.exec(db, "DROP TABLE IF EXISTS gc_deferred");
        Sql.exec(db, "CREATE TABLE gc_deferred (n INTEGER, UNIQUE (n) DEFERRABLE INITIALLY DEFERRED)");
        try {
            GroupCommit lane = GroupCommit.postgres(db.jdbi(), 1);
            CountDownLatch release = new CountDownLatch(1);
            Future<?> holder = hold(lane, release);
            // Each statement succeeds; the deferred unique check fails at COMMIT.
            List<Future<Integer>> works = List.of(
                    queue(lane, h -> h.execute("INSERT INTO gc_deferred VALUES (1)")),
                    queue(lane, h -> h.execute("INSERT INTO gc_deferred VALUES (1)")),
                    queue(lane, h -> h.execute("INSERT INTO gc_deferred VALUES (2)")));
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);

            for (Future<Integer> work : works) {
                assertThatThrownBy(() -> work.get(10, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class)
                        .rootCause()
                        .hasMessageContaining("duplicate key");
            }
            assertThat(Sql.number(db, "SELECT COUNT(*) FROM gc_deferred")).isZero();
            assertThat(lane.commits()).as("only the holder's").isEqualTo(1);
        } finally {
            Sql.exec(db, "DROP TABLE IF EXISTS gc_deferred");
        }
    }

    @Test
    void givenAWorkThatTookAnAdvisoryLockWhenItIsRolledBackToItsSavepointThenTheLockIsReleasedAtOnce()
            throws Exception {
        GroupCommit lane = GroupCommit.postgres(db.jdbi(), 1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = hold(lane, release);
        Future<Long> thrower = queue(lane, h -> {
            Dialect.lock(h, "key-of-a-failing-work");
            throw new IllegalStateException("rolled back");
        });
        Future<Long> afterThrower = queue(lane, h -> count(h, OWN_ADVISORY_LOCKS));
        Future<Long> locker = queue(lane, h -> {
            Dialect.lock(h, "key-of-a-committed-work");
            return count(h, OWN_ADVISORY_LOCKS);
        });
        Future<Long> afterLocker = queue(lane, h -> count(h, OWN_ADVISORY_LOCKS));
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);

        assertThatThrownBy(() -> thrower.get(10, TimeUnit.SECONDS)).hasMessageContaining("rolled back");
        assertThat(afterThrower.get(10, TimeUnit.SECONDS))
                .as("the failed work's key went with its savepoint")
                .isZero();
        assertThat(locker.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(afterLocker.get(10, TimeUnit.SECONDS))
                .as("a released savepoint's key is held to the commit")
                .isEqualTo(1);
        assertThat(Sql.number(
                        db,
                        "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND database = "
                                + "(SELECT oid FROM pg_database WHERE datname = current_database())"))
                .isZero();
    }

    @Test
    void givenTwoBatchesThatDeadlockWhenTheDatabaseFailsOneWorkThenOnlyItRunsAgainAloneAndEverythingCommits()
            throws Exception {
        Duration noLockTimeout = Duration.ZERO; // let the server's deadlock detection find it
        GroupCommit laneA = GroupCommit.postgres(db.jdbi(), 1, noLockTimeout);
        GroupCommit laneB = GroupCommit.postgres(db.jdbi(), 1, noLockTimeout);

        CrossedBatches crossed = crossedBatches(laneA, laneB);

        crossed.assertEverythingCommitted();
        assertThat(laneA.runsAgain() + laneB.runsAgain())
                .as("the one work the server picked as the deadlock's victim")
                .isEqualTo(1);
        assertThat(crossed.runs.get()).as("four works, one of them twice").isEqualTo(5);
    }

    @Test
    void givenTwoBatchesWaitingOnEachOthersLocksWhenOneWaitsLongerThanABatchAllowsThenItRunsAgainAlone()
            throws Exception {
        GroupCommit laneA = GroupCommit.postgres(db.jdbi(), 1);
        GroupCommit laneB = GroupCommit.postgres(db.jdbi(), 1);

        CrossedBatches crossed = crossedBatches(laneA, laneB);

        crossed.assertEverythingCommitted();
        assertThat(laneA.runsAgain() + laneB.runsAgain()).isBetween(1L, 2L);
    }

    @Test
    void givenPoolsAndMachinesWhenLanesAreChosenThenOnePerCoreAtLeastTwoAndAtMostHalfThePool() {
        assertThat(GroupCommit.postgresLanes(16, 2)).isEqualTo(2);
        assertThat(GroupCommit.postgresLanes(16, 1)).isEqualTo(2);
        assertThat(GroupCommit.postgresLanes(16, 6)).isEqualTo(6);
        assertThat(GroupCommit.postgresLanes(16, 64)).isEqualTo(8);
        assertThat(GroupCommit.postgresLanes(4, 8)).isEqualTo(2);
        assertThat(GroupCommit.postgresLanes(2, 8)).isEqualTo(1);
        assertThat(GroupCommit.postgresLanes(1, 8)).isEqualTo(1);
    }

    @Test
    void givenAWriteInsideAWriteWhenRunThenItIsRefusedAndTheOuterIsRolledBack() {
        assertThatThrownBy(() -> db.useWrite(h -> {
                    h.execute("INSERT INTO gc_probe (n) VALUES (1)");
                    db.useWrite(inner -> inner.execute("INSERT INTO gc_probe (n) VALUES (2)"));
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must not nest");

        assertThat(Sql.number(db, "SELECT COUNT(*) FROM gc_probe")).isZero();
    }

    /**
     * Batch A: work 1 updates row 1, work 2 row 2; batch B: work 1 updates row 2, work 2 row 1. The first works
     * of both wait for each other (on their first run only), so each batch holds its first row when its
     * second work asks for the other's.
     */
    private CrossedBatches crossedBatches(GroupCommit laneA, GroupCommit laneB) throws Exception {
        Sql.exec(db, "INSERT INTO gc_probe (n) VALUES (1), (2)");
        CrossedBatches crossed = new CrossedBatches();
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holderA = hold(laneA, release);
        Future<?> holderB = hold(laneB, release);
        CountDownLatch bothHoldTheirFirstRow = new CountDownLatch(2);
        crossed.works.add(queue(laneA, h -> crossed.hit(h, 1, bothHoldTheirFirstRow)));
        crossed.works.add(queue(laneA, h -> crossed.hit(h, 2, null)));
        crossed.works.add(queue(laneB, h -> crossed.hit(h, 2, bothHoldTheirFirstRow)));
        crossed.works.add(queue(laneB, h -> crossed.hit(h, 1, null)));
        release.countDown();
        holderA.get(10, TimeUnit.SECONDS);
        holderB.get(10, TimeUnit.SECONDS);
        return crossed;
    }

    private final class CrossedBatches {
        final List<Future<Integer>> works = new ArrayList<>();
        final AtomicInteger runs = new AtomicInteger();
        final AtomicInteger firstRuns = new AtomicInteger();

        int hit(org.jdbi.v3.core.Handle h, int row, CountDownLatch rendezvous) {
            runs.incrementAndGet();
            int updated = h.execute("UPDATE gc_probe SET hits = hits + 1 WHERE n = ?", row);
            if (rendezvous != null && firstRuns.incrementAndGet() <= 2) {
                rendezvous.countDown();
                await(rendezvous);
            }
            return updated;
        }

        void assertEverythingCommitted() throws Exception {
            for (Future<Integer> work : works) {
                assertThat(work.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            }
            assertThat(Sql.strings(db, "SELECT hits FROM gc_probe ORDER BY n")).containsExactly("2", "2");
        }
    }

    /** Holds {@code lane} with a work that waits for {@code release}; returns once it runs. */
    private Future<?> hold(GroupCommit lane, CountDownLatch release) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        Future<?> holder = pool.submit(() -> lane.write(h -> {
            running.countDown();
            await(release);
            return null;
        }));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        return holder;
    }

    /** Queues {@code work} on {@code lane} from a thread of its own; returns once it is queued. */
    private <R> Future<R> queue(GroupCommit lane, HandleCallback<R, RuntimeException> work) {
        int before = lane.queued();
        Future<R> future = pool.submit(() -> lane.write(work));
        waitFor(() -> lane.queued(), before + 1);
        return future;
    }

    private static long count(org.jdbi.v3.core.Handle h, String sql) {
        return h.createQuery(sql).mapTo(Long.class).one();
    }

    private static void waitFor(IntSupplier value, int expected) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (value.getAsInt() != expected && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(value.getAsInt()).isEqualTo(expected);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
