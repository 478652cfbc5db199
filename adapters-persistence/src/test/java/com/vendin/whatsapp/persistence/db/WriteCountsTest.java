package com.vendin.whatsapp.persistence.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vendin.whatsapp.persistence.testing.PostgresServer;
import com.vendin.whatsapp.persistence.testing.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database counts the write transactions it committed by purpose, and its own commits; not the rolled back ones. */
class WriteCountsTest {
    @TempDir
    Path dir;

    @Test
    void sqliteCountsEachCommittedWriteUnderItsPurposeAndGroupedCommitsSeparately() throws Exception {
        try (Database db = TestDatabases.migrated(dir)) {
            exercise(db);
            assertThat(db.databaseCommits()).isPositive().isLessThanOrEqualTo(total(db));
        }
    }

    @Test
    void postgresCountsEachCommittedWriteUnderItsPurposeAndGroupedCommitsSeparately() throws Exception {
        try (Database db = PostgresServer.emptied()) {
            long commits = db.databaseCommits();
            long writes = total(db);
            exercise(db);
            assertThat(db.databaseCommits() - commits).isPositive().isLessThanOrEqualTo(total(db) - writes);
        }
    }

    /** 4 threads x 50 webhook writes, 3 claims, one failing tenant result and 2 unlabelled writes. */
    private static void exercise(Database db) throws Exception {
        db.useWrite(h -> h.execute("CREATE TABLE probe (n INTEGER NOT NULL)"));
        long webhook = db.committedWrites(WritePurpose.WEBHOOK);
        long claim = db.committedWrites(WritePurpose.CLAIM);
        long result = db.committedWrites(WritePurpose.TENANT_RESULT);
        long other = db.committedWrites(WritePurpose.OTHER);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 50; i++) {
                    db.useWrite(WritePurpose.WEBHOOK, h -> h.execute("INSERT INTO probe VALUES (1)"));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        for (int i = 0; i < 3; i++) {
            int inserted = db.inWrite(WritePurpose.CLAIM, h -> h.execute("INSERT INTO probe VALUES (2)"));
            assertThat(inserted).isEqualTo(1);
        }
        assertThatThrownBy(() -> db.useWrite(WritePurpose.TENANT_RESULT, h -> {
                    h.execute("INSERT INTO probe VALUES (3)");
                    throw new IllegalStateException("rolled back");
                }))
                .hasMessage("rolled back");
        db.useWrite(h -> h.execute("INSERT INTO probe VALUES (4)"));
        db.inWrite(h -> h.execute("INSERT INTO probe VALUES (4)"));

        assertThat(db.committedWrites(WritePurpose.WEBHOOK) - webhook).isEqualTo(200);
        assertThat(db.committedWrites(WritePurpose.CLAIM) - claim).isEqualTo(3);
        assertThat(db.committedWrites(WritePurpose.TENANT_RESULT) - result).isZero();
        assertThat(db.committedWrites(WritePurpose.OTHER) - other).isEqualTo(2);
        int rolledBack = db.inRead(h -> h.createQuery("SELECT COUNT(*) FROM probe WHERE n = 3")
                .mapTo(Integer.class)
                .one());
        assertThat(rolledBack).isZero();
    }

    private static long total(Database db) {
        long sum = 0;
        for (WritePurpose purpose : WritePurpose.values()) {
            sum += db.committedWrites(purpose);
        }
        return sum;
    }
}
