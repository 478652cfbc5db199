package com.vendin.whatsapp.persistence.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.persistence.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatementCacheTest {
    @TempDir
    Path dir;

    @Test
    void givenSameSqlRunTwiceOnOneConnectionWhenExecutedThenTheSamePreparedStatementIsReused() {
        try (Database db = TestDatabases.migrated(dir)) {
            List<Statement> used = db.inRead(h -> List.of(statementOf(h, 1), statementOf(h, 2)));
            Statement third = db.inRead(h -> statementOf(h, 3));

            assertThat(used.get(0)).isSameAs(used.get(1));
            assertThat(third).as("after the connection went back to the pool").isSameAs(used.get(0));
            int answer = db.inRead(h -> h.createQuery("SELECT :n + 1")
                    .bind("n", 41)
                    .mapTo(Integer.class)
                    .one());
            assertThat(answer).isEqualTo(42);
        }
    }

    @Test
    void givenStatementInUseWhenTheSameSqlRunsInsideItThenASecondStatementIsUsedAndBothResultsAreRight() {
        try (Database db = TestDatabases.migrated(dir)) {
            List<Integer> values = db.inRead(h -> h.createQuery("SELECT :n AS n")
                    .bind("n", 1)
                    .map((rs, ctx) -> rs.getInt("n")
                            + h.createQuery("SELECT :n AS n")
                                    .bind("n", 10)
                                    .mapTo(Integer.class)
                                    .one())
                    .list());

            assertThat(values).containsExactly(11);
        }
    }

    @Test
    void givenCachedReadStatementsWhenAnotherPoolWritesThenReadsSeeItAndNoSnapshotBlocksACheckpoint() {
        try (Database reader = TestDatabases.migrated(dir);
                Database writer = Database.open("jdbc:sqlite:" + TestDatabases.file(dir))) {
            writer.useWrite(h -> h.execute("CREATE TABLE probe (n INTEGER)"));
            writer.useWrite(h -> h.execute("INSERT INTO probe VALUES (1)"));
            for (int i = 0; i < 3; i++) {
                assertThat(count(reader)).isEqualTo(i + 1);
                writer.useWrite(h -> h.execute("INSERT INTO probe VALUES (1)"));
            }

            String busy = writer.inRead(h -> h.createQuery("PRAGMA wal_checkpoint(TRUNCATE)")
                    .map((rs, ctx) -> rs.getString(1))
                    .one());
            assertThat(busy).isEqualTo("0");
        }
    }

    private static long count(Database db) {
        return db.inRead(h ->
                h.createQuery("SELECT COUNT(*) FROM probe").mapTo(Long.class).one());
    }

    private static Statement statementOf(org.jdbi.v3.core.Handle h, int n) {
        return h.createQuery("SELECT :n AS n")
                .bind("n", n)
                .map((rs, ctx) -> ctx.getStatement())
                .one();
    }
}
