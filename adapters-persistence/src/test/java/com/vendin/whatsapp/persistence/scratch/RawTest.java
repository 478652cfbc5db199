package com.vendin.whatsapp.persistence.scratch;

import java.nio.file.Path;
import java.sql.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.*;
import org.sqlite.SQLiteConfig;

class RawTest {
    static final Logger LOG = LoggerFactory.getLogger("raw");
    @TempDir Path dir;

    @Test
    void raw() throws Exception {
        SQLiteConfig c = new SQLiteConfig();
        c.setJournalMode(SQLiteConfig.JournalMode.WAL);
        c.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        c.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        try (Connection conn = c.createConnection("jdbc:sqlite:" + dir.resolve("x.db"))) {
            conn.createStatement().execute("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)");
            for (int round = 0; round < 4; round++) {
                long t = System.nanoTime();
                for (int i = 0; i < 5000; i++) {
                    try (Statement s = conn.createStatement()) { s.execute("BEGIN IMMEDIATE"); }
                    try (PreparedStatement p = conn.prepareStatement("INSERT INTO t (v) VALUES (?)")) { p.setString(1, "x" + i); p.executeUpdate(); }
                    try (Statement s = conn.createStatement()) { s.execute("COMMIT"); }
                }
                LOG.info("manual txn {} us", (System.nanoTime() - t) / 5000_000.0);
                t = System.nanoTime();
                for (int i = 0; i < 5000; i++) {
                    conn.setAutoCommit(false);
                    try (PreparedStatement p = conn.prepareStatement("INSERT INTO t (v) VALUES (?)")) { p.setString(1, "x" + i); p.executeUpdate(); }
                    conn.commit();
                    conn.setAutoCommit(true);
                }
                LOG.info("jdbc txn {} us", (System.nanoTime() - t) / 5000_000.0);
                t = System.nanoTime();
                for (int i = 0; i < 5000; i++) {
                    try (PreparedStatement p = conn.prepareStatement("SELECT COUNT(*) FROM t WHERE id = ?")) { p.setInt(1, i); p.executeQuery().close(); }
                }
                LOG.info("read {} us", (System.nanoTime() - t) / 5000_000.0);
            }
        }
    }
}
