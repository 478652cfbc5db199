package com.vendin.whatsapp.persistence.db;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach the control-plane database: the JDBC URL ({@code jdbc:sqlite:gateway.db} by default, or
 * {@code jdbc:postgresql://host:port/db?user=...&password=...}), the most pooled connections, how long SQLite
 * waits on a locked file, how long a caller waits for a free pooled connection, and how long PostgreSQL lets a
 * transaction sit idle before it ends the session ({@code idle_in_transaction_session_timeout}).
 *
 * <p>The last is a safety net, not a pace: a write transaction runs its statements back to back, so a transaction
 * that is idle for long belongs to a thread stuck outside the database. Its row and advisory locks would otherwise
 * stay taken for good (claims skip locked rows: a thread head it holds would never be delivered, and no error would
 * say so). PostgreSQL ends such a session and logs it; the stuck write fails when its thread goes on.
 */
public record DatabaseConfig(
        String jdbcUrl,
        int maxPoolSize,
        Duration busyTimeout,
        Duration connectionTimeout,
        Duration idleInTransactionTimeout) {
    public static final String DEFAULT_URL = "jdbc:sqlite:gateway.db";
    /** The default {@link #idleInTransactionTimeout()}: far beyond any pause of a working process. */
    public static final Duration DEFAULT_IDLE_IN_TRANSACTION = Duration.ofSeconds(60);

    private static final String SQLITE_PREFIX = "jdbc:sqlite:";
    private static final String POSTGRES_PREFIX = "jdbc:postgresql:";

    public DatabaseConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        Objects.requireNonNull(idleInTransactionTimeout, "idleInTransactionTimeout");
        if (!jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("not a JDBC URL (must start with jdbc:): " + redact(jdbcUrl));
        }
        if (!jdbcUrl.startsWith(SQLITE_PREFIX) && !jdbcUrl.startsWith(POSTGRES_PREFIX)) {
            throw new IllegalArgumentException(
                    "unsupported database (use jdbc:sqlite:... or jdbc:postgresql://...): " + redact(jdbcUrl));
        }
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be at least 1");
        }
        if (busyTimeout.isNegative() || connectionTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("busyTimeout must be >= 0 and connectionTimeout >= 250 ms");
        }
        if (idleInTransactionTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("idleInTransactionTimeout must be at least 1 ms");
        }
    }

    /** {@link #DEFAULT_IDLE_IN_TRANSACTION} for idle transactions. */
    public DatabaseConfig(String jdbcUrl, int maxPoolSize, Duration busyTimeout, Duration connectionTimeout) {
        this(jdbcUrl, maxPoolSize, busyTimeout, connectionTimeout, DEFAULT_IDLE_IN_TRANSACTION);
    }

    /**
     * The defaults for a URL: 8 pooled connections on SQLite (its writes take turns anyway), 16 on PostgreSQL
     * (writes run in parallel there), 5 s busy timeout, 10 s to get a connection, a transaction idle for 60 s
     * ended (PostgreSQL).
     */
    public static DatabaseConfig of(String jdbcUrl) {
        int pool = jdbcUrl.startsWith(POSTGRES_PREFIX) ? 16 : 8;
        return new DatabaseConfig(jdbcUrl, pool, Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    /** A copy with at most {@code connections} pooled connections. */
    public DatabaseConfig withMaxPoolSize(int connections) {
        return new DatabaseConfig(jdbcUrl, connections, busyTimeout, connectionTimeout, idleInTransactionTimeout);
    }

    /** A copy whose PostgreSQL sessions end after a transaction idle for {@code timeout}. */
    public DatabaseConfig withIdleInTransactionTimeout(Duration timeout) {
        return new DatabaseConfig(jdbcUrl, maxPoolSize, busyTimeout, connectionTimeout, timeout);
    }

    public boolean isSqlite() {
        return jdbcUrl.startsWith(SQLITE_PREFIX);
    }

    public Dialect dialect() {
        return isSqlite() ? Dialect.SQLITE : Dialect.POSTGRES;
    }

    /** True for an SQLite database that lives only in memory (then a single connection is kept). */
    public boolean isInMemory() {
        if (!isSqlite()) {
            return false;
        }
        String rest = jdbcUrl.substring(SQLITE_PREFIX.length()).toLowerCase(Locale.ROOT);
        return rest.isEmpty() || rest.contains(":memory:") || rest.contains("mode=memory");
    }

    /** The database file of an SQLite URL (where a generated key file can sit next to it); empty otherwise. */
    public Optional<Path> sqliteFile() {
        if (!isSqlite() || isInMemory()) {
            return Optional.empty();
        }
        String rest = jdbcUrl.substring(SQLITE_PREFIX.length());
        int query = rest.indexOf('?');
        String file = query < 0 ? rest : rest.substring(0, query);
        if (file.startsWith("file:")) {
            file = file.substring("file:".length());
        }
        return Optional.of(Path.of(file));
    }

    @Override
    public String toString() {
        return "DatabaseConfig[" + redact(jdbcUrl) + ", pool=" + maxPoolSize + "]";
    }

    /** The URL without its query string, where JDBC drivers take passwords. */
    public static String redact(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?...";
    }
}
