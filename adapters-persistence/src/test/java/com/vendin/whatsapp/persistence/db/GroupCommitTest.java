package com.vendin.whatsapp.persistence.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vendin.whatsapp.persistence.testing.Sql;
import com.vendin.whatsapp.persistence.testing.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitTest {
    @TempDir
    Path dir;

    @Test
    void givenManyConcurrentWritersWhenSomeThrowThenOnlyTheThrowersAreRolledBackAndEachSeesItsOwnOutcome()
            throws Exception {
        try (Database db = TestDatabases.migrated(dir)) {
            db.useWrite(h -> h.execute("CREATE TABLE probe (n INTEGER NOT NULL UNIQUE)"));
            long commitsBefore = db.groupCommits();
            int threads = 16;
            int rounds = 200;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            AtomicInteger failures = new AtomicInteger();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit((Callable<Void>) () -> {
                    start.await();
                    for (int i = 0; i < rounds; i++) {
                        int n = thread * rounds + i;
                        boolean fail = n % 7 == 0;
                        try {
                            int returned = db.inWrite(h -> {
                                h.execute("INSERT INTO probe VALUES (?)", n);
                                if (fail) {
                                    throw new IllegalStateException("unit " + n);
                                }
                                return n;
                            });
                            assertThat(returned).isEqualTo(n);
                            assertThat(fail).isFalse();
                        } catch (IllegalStateException e) {
                            assertThat(e).hasMessage("unit " + n);
                            failures.incrementAndGet();
                        }
                        // Read-your-write: a returned write is committed.
                        if (!fail) {
                            int rows = db.inRead(h -> h.createQuery("SELECT COUNT(*) FROM probe WHERE n = :n")
                                    .bind("n", n)
                                    .mapTo(Integer.class)
                                    .one());
                            assertThat(rows).isEqualTo(1);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();

            int total = threads * rounds;
            int failing = (int) java.util.stream.IntStream.range(0, total)
                    .filter(n -> n % 7 == 0)
                    .count();
            assertThat(failures.get()).isEqualTo(failing);
            assertThat(Sql.number(db, "SELECT COUNT(*) FROM probe")).isEqualTo((long) total - failing);
            assertThat(Sql.number(db, "SELECT COUNT(*) FROM probe WHERE n % 7 = 0"))
                    .isZero();
            // The writes were grouped: fewer commits than writes.
            assertThat(db.groupCommits() - commitsBefore).isLessThan(total);
        }
    }

    @Test
    void givenAWriteInsideAWriteWhenRunThenItIsRefusedAndTheOuterIsRolledBack() {
        try (Database db = TestDatabases.migrated(dir)) {
            db.useWrite(h -> h.execute("CREATE TABLE probe (n INTEGER)"));

            assertThatThrownBy(() -> db.useWrite(h -> {
                        h.execute("INSERT INTO probe VALUES (1)");
                        db.useWrite(inner -> inner.execute("INSERT INTO probe VALUES (2)"));
                    }))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("must not nest");

            assertThat(Sql.number(db, "SELECT COUNT(*) FROM probe")).isZero();
        }
    }
}
