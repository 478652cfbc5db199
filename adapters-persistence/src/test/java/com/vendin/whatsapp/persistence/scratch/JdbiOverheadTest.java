package com.vendin.whatsapp.persistence.scratch;

import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.slf4j.*;

class JdbiOverheadTest {
    static final Logger LOG = LoggerFactory.getLogger("jdbi");
    @TempDir Path dir;

    public interface Probe {
        @SqlQuery("SELECT 1")
        int one();
    }

    @Test
    void overhead() throws Exception {
        Database db = TestDatabases.migrated(dir);
        db.useWrite(h -> h.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)"));
        for (int round = 0; round < 4; round++) {
            int n = 5000;
            long t = System.nanoTime();
            for (int i = 0; i < n; i++) {
                try (Connection c = ((javax.sql.DataSource) field(db)).getConnection(); PreparedStatement p = c.prepareStatement("SELECT 1")) { p.executeQuery().close(); }
            }
            LOG.info("hikari raw read {} us", (System.nanoTime() - t) / (n * 1000.0));
            t = System.nanoTime();
            for (int i = 0; i < n; i++) {
                db.inRead(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            }
            LOG.info("jdbi fluent read {} us", (System.nanoTime() - t) / (n * 1000.0));
            t = System.nanoTime();
            for (int i = 0; i < n; i++) {
                db.inRead(h -> h.attach(Probe.class).one());
            }
            LOG.info("jdbi sqlobject read {} us", (System.nanoTime() - t) / (n * 1000.0));
            t = System.nanoTime();
            for (int i = 0; i < n; i++) {
                int k = i;
                db.useWrite(h -> h.execute("INSERT INTO t (v) VALUES (?)", "x" + k));
            }
            LOG.info("jdbi write txn {} us", (System.nanoTime() - t) / (n * 1000.0));
            t = System.nanoTime();
            for (int i = 0; i < n; i++) {
                int k = i;
                db.inRead(h -> { h.execute("BEGIN IMMEDIATE"); h.execute("INSERT INTO t (v) VALUES (?)", "x" + k); return h.execute("COMMIT"); });
            }
            LOG.info("jdbi manual write txn {} us", (System.nanoTime() - t) / (n * 1000.0));
        }
        db.close();
    }

    static Object field(Database db) throws Exception {
        var f = Database.class.getDeclaredField("dataSource");
        f.setAccessible(true);
        return f.get(db);
    }
}
