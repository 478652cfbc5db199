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
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void givenOpenedFileWhenPragmasAreReadOnEveryPooledConnectionThenWalNormalForeignKeysBusyTimeoutAndBackstop() {
        try (Database db = TestDatabases.migrated(dir)) {
            List<Handle> handles = new ArrayList<>();
            try {
                for (int i = 0; i < db.config().maxPoolSize(); i++) {
                    handles.add(db.jdbi().open());
                }
                for (Handle handle : handles) {
                    assertThat(pragma(handle, "journal_mode")).isEqualTo("wal");
                    assertThat(pragma(handle, "foreign_keys")).isEqualTo("1");
                    assertThat(pragma(handle, "synchronous")).isEqualTo("1");
                    assertThat(pragma(handle, "busy_timeout")).isEqualTo("5000");
                    assertThat(pragma(handle, "wal_autocheckpoint")).isEqualTo("20000");
                }
            } finally {
                handles.forEach(Handle::close);
            }
        }
    }

    @Test
    void givenMigratedDatabaseWhenMigratedAgainThenNothingChangesAndEveryTableIsThere() {
        try (Database db = TestDatabases.migrated(dir)) {
            long applied = Sql.number(db, "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1");

            db.migrate();

            assertThat(applied).isPositive();
            assertThat(Sql.number(db, "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1"))
                    .isEqualTo(applied);
            assertThat(Sql.number(db, "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 0"))
                    .isZero();
            assertThat(Sql.strings(db, "SELECT name FROM sqlite_master WHERE type = 'table'"))
                    .contains(
                            "tenants",
                            "tenant_admins",
                            "whatsapp_number_pool",
                            "inbound_messages",
                            "outbound_messages",
                            "early_statuses");
        }
    }

    @Test
    void givenWorkThatThrowsWhenWrittenThenNothingOfItIsCommitted() {
        try (Database db = TestDatabases.migrated(dir)) {
            db.useWrite(h -> h.execute("CREATE TABLE probe (n INTEGER)"));

            assertThatThrownBy(() -> db.useWrite(h -> {
                        h.execute("INSERT INTO probe VALUES (1)");
                        throw new IllegalStateException("boom");
                    }))
                    .hasMessage("boom");

            assertThat(Sql.number(db, "SELECT COUNT(*) FROM probe")).isZero();
            db.useWrite(h -> h.execute("INSERT INTO probe VALUES (2)"));
            assertThat(Sql.number(db, "SELECT COUNT(*) FROM probe")).isEqualTo(1);
        }
    }

    @Test
    void givenManyThreadsOnTwoPoolsOfOneFileWhenEachIncrementsACounterThenNoBusyErrorAndNoLostUpdate()
            throws Exception {
        try (Database first = TestDatabases.migrated(dir);
                Database second = Database.open("jdbc:sqlite:" + TestDatabases.file(dir))) {
            first.useWrite(h -> h.execute("CREATE TABLE counter (n INTEGER NOT NULL)"));
            first.useWrite(h -> h.execute("INSERT INTO counter VALUES (0)"));
            int threads = 8;
            int rounds = 100;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Database db = t % 2 == 0 ? first : second;
                done.add(pool.submit((Callable<Void>) () -> {
                    start.await();
                    for (int i = 0; i < rounds; i++) {
                        db.useWrite(h -> {
                            long n = h.createQuery("SELECT n FROM counter")
                                    .mapTo(Long.class)
                                    .one();
                            h.execute("UPDATE counter SET n = ?", n + 1);
                        });
                        db.inRead(h -> h.createQuery("SELECT n FROM counter")
                                .mapTo(Long.class)
                                .one());
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();

            assertThat(Sql.number(first, "SELECT n FROM counter")).isEqualTo((long) threads * rounds);
        }
    }

    @Test
    void givenInMemoryUrlWhenOpenedAndMigratedThenOneSharedDatabaseIsUsed() {
        try (Database db = Database.open("jdbc:sqlite::memory:")) {
            db.migrate();
            db.useWrite(h -> h.execute("INSERT INTO tenants (id, subdomain, instance_url, instance_secret, created_at, "
                    + "updated_at) VALUES ('a', 'a', 'http://a', 'v1:x', 0, 0)"));

            assertThat(Sql.number(db, "SELECT COUNT(*) FROM tenants")).isEqualTo(1);
        }
    }

    private static String pragma(Handle handle, String name) {
        return handle.createQuery("PRAGMA " + name).mapTo(String.class).one();
    }
}
