package com.vendin.whatsapp.persistence.db;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * The SQL database behind a {@link Database}. Adapters ask a handle for it where the two need different SQL
 * (the claims) or different guards around a read-then-write ({@link #lock}).
 */
public enum Dialect {
    SQLITE,
    POSTGRES;

    static final String ATTRIBUTE = "dialect";
    /**
     * The key every write of tenants, admin phones, the number pool and provisioning results takes first: these
     * rare admin writes check uniqueness and availability before they write, and take turns as on SQLite.
     */
    public static final String DIRECTORY_LOCK = "tenant-directory";

    /** The dialect of the database {@code handle} is connected to. */
    public static Dialect of(Handle handle) {
        Object value = handle.getConfig(SqlStatements.class).getAttribute(ATTRIBUTE);
        return value instanceof Dialect dialect ? dialect : SQLITE;
    }

    /**
     * Makes the rest of {@code handle}'s write transaction wait until no other transaction holds any of
     * {@code keys}, and holds them until it ends. Keys are taken in sorted order (two transactions never wait
     * on each other in a circle over them). On SQLite this does nothing: its write transactions already take
     * turns. On PostgreSQL they are transaction-scoped advisory locks, so a read-then-write guarded by a key is
     * as serial as on SQLite, while writes under other keys run in parallel; at READ COMMITTED every
     * statement after the lock sees what the previous holder committed.
     */
    public static void lock(Handle handle, Collection<String> keys) {
        Objects.requireNonNull(keys, "keys");
        if (of(handle) != POSTGRES) {
            return;
        }
        for (String key : new TreeSet<>(keys)) {
            handle.createQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))) AS held")
                    .bind("key", key)
                    .mapTo(Integer.class)
                    .one();
        }
    }

    public static void lock(Handle handle, String key) {
        lock(handle, List.of(key));
    }
}
