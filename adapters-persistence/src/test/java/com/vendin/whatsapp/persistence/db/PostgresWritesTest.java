package com.vendin.whatsapp.persistence.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vendin.whatsapp.persistence.testing.PostgresServer;
import com.vendin.whatsapp.persistence.testing.Sql;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Write transactions on PostgreSQL: READ COMMITTED, run again after a deadlock, advisory locks held to the end. */
class PostgresWritesTest {
    private static final String WAITING_FOR_KEY = "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' "
            + "AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";
    private Database db;
    private ExecutorService pool;

    @BeforeEach
    void open() {
        db = PostgresServer.emptied();
        pool = Executors.newFixedThreadPool(2);
        Sql.exec(
                db,
                "INSERT INTO whatsapp_number_pool (phone_number, status, created_at, updated_at) "
                        + "VALUES ('+15550000001', 'available', 0, 0), ('+15550000002', 'available', 0, 0)");
    }

    @AfterEach
    void close() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
        db.close();
    }

    @Test
    void givenTwoWritesThatDeadlockWhenTheDatabaseRollsOneBackThenItRunsAgainAndBothCommit() throws Exception {
        CountDownLatch bothHoldTheirFirstRow = new CountDownLatch(2);
        AtomicInteger runs = new AtomicInteger();
        List<Future<Integer>> writes = List.of(
                pool.submit(() -> crossUpdate("+15550000001", "+15550000002", bothHoldTheirFirstRow, runs)),
                pool.submit(() -> crossUpdate("+15550000002", "+15550000001", bothHoldTheirFirstRow, runs)));

        for (Future<Integer> write : writes) {
            assertThat(write.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(runs.get()).isEqualTo(3);
        assertThat(Sql.number(db, "SELECT SUM(updated_at) FROM whatsapp_number_pool"))
                .isEqualTo(4);
    }

    @Test
    void givenAnAdvisoryLockHeldWhenAnotherTransactionTakesItThenItWaitsForTheCommitAndSeesTheWrite() throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = pool.submit(() -> db.useWrite(handle -> {
            Dialect.lock(handle, "test-key");
            handle.execute("UPDATE whatsapp_number_pool SET status = 'reserved' WHERE phone_number = '+15550000001'");
            locked.countDown();
            await(release);
        }));
        locked.await(10, TimeUnit.SECONDS);
        Future<String> waiter = pool.submit(() -> db.inWrite(handle -> {
            Dialect.lock(handle, "test-key");
            return handle.createQuery("SELECT status FROM whatsapp_number_pool WHERE phone_number = '+15550000001'")
                    .mapTo(String.class)
                    .one();
        }));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (Sql.number(db, WAITING_FOR_KEY) == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(Sql.number(db, WAITING_FOR_KEY))
                .as("the second transaction waits for the key")
                .isEqualTo(1);
        assertThat(waiter).isNotDone();
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
        assertThat(waiter.get(10, TimeUnit.SECONDS)).isEqualTo("reserved");
    }

    @Test
    void givenAWriteWhoseThreadStallsInsideItsTransactionWhenItIsIdleTooLongThenItsLocksAreFreedAndItFails()
            throws Exception {
        try (Database stalling = Database.open(DatabaseConfig.of(PostgresServer.url())
                .withMaxPoolSize(2)
                .withIdleInTransactionTimeout(Duration.ofMillis(500)))) {
            CountDownLatch locked = new CountDownLatch(1);
            CountDownLatch goOn = new CountDownLatch(1);
            Future<?> stuck = pool.submit(() -> stalling.useWrite(handle -> {
                Dialect.lock(handle, "stalled-key");
                handle.execute(
                        "UPDATE whatsapp_number_pool SET status = 'reserved' WHERE phone_number = '+15550000001'");
                locked.countDown();
                await(goOn); // a thread stuck outside the database, its transaction open
            }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

            long started = System.nanoTime();
            String status = db.inWrite(handle -> {
                Dialect.lock(handle, "stalled-key");
                return handle.createQuery("SELECT status FROM whatsapp_number_pool WHERE phone_number = '+15550000001'")
                        .mapTo(String.class)
                        .one();
            });
            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            goOn.countDown();

            assertThat(waited)
                    .as("the other write waits for the idle limit, not for the stuck thread")
                    .isLessThan(Duration.ofMillis(2500));
            assertThat(status).as("the stuck write is rolled back").isEqualTo("available");
            assertThatThrownBy(() -> stuck.get(10, TimeUnit.SECONDS))
                    .as("the stuck write fails when its thread goes on")
                    .isInstanceOf(ExecutionException.class);
        }
    }

    private int crossUpdate(String first, String second, CountDownLatch bothHoldTheirFirstRow, AtomicInteger runs) {
        return db.inWrite(handle -> {
            boolean firstRun = runs.incrementAndGet() <= 2;
            handle.execute("UPDATE whatsapp_number_pool SET updated_at = updated_at + 1 WHERE phone_number = ?", first);
            if (firstRun) {
                bothHoldTheirFirstRow.countDown();
                await(bothHoldTheirFirstRow);
            }
            return handle.execute(
                    "UPDATE whatsapp_number_pool SET updated_at = updated_at + 1 WHERE phone_number = ?", second);
        });
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
