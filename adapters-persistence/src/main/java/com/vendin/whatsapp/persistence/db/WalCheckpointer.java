package com.vendin.whatsapp.persistence.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the SQLite write-ahead log into the database file from a background thread (a PASSIVE
 * checkpoint, which never blocks readers or writers), so the serialized write path does not pay for it.
 * SQLite's own auto-checkpoint stays on at a high mark as a backstop.
 */
final class WalCheckpointer implements AutoCloseable {
    static final Duration INTERVAL = Duration.ofMillis(250);
    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);

    private final DataSource dataSource;
    private final ScheduledExecutorService scheduler;

    WalCheckpointer(DataSource dataSource) {
        this.dataSource = dataSource;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sqlite-wal-checkpoint");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(
                this::checkpoint, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs one PASSIVE checkpoint; returns the number of log frames copied, or -1 when it could not run. */
    int checkpoint() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            return result.next() ? result.getInt(3) : 0;
        } catch (SQLException | RuntimeException e) {
            LOG.debug("WAL checkpoint skipped", e);
            return -1;
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
