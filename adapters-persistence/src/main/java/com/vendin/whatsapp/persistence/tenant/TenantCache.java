package com.vendin.whatsapp.persistence.tenant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.vendin.whatsapp.persistence.db.Database;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tenants, their numbers, decrypted credentials and admin phones held in memory, so that routing a webhook,
 * delivering it and sending its reply read and decrypt nothing (issue 15). Lookups that found nothing are held
 * too, so that traffic to unknown numbers costs no read either.
 *
 * <p>Everything is forgotten at once when the routing data changed, which is rare (an operator's call):
 * <ul>
 *   <li>a write of this process that changed it calls {@link Database#tenantsChanged()} after its commit, and the
 *       next lookup here sees the count move: exact within the process;
 *   <li>any other writer (another gateway on the same PostgreSQL, a command on the same SQLite file, SQL by hand)
 *       raises the {@code cache_versions} row through the triggers of V11; a lookup reads that row when
 *       {@link #DEFAULT_RECHECK} has passed since it was last read, so another process's change is seen within
 *       that (plus the read itself).
 * </ul>
 * A lookup that raced a change (it read the database before the change committed and would store the old row)
 * stores nothing: every entry is checked against the generation it was read under.
 *
 * <p>Only the message path reads through a cache ({@link JdbiTenantRepository} and {@link JdbiTenantDirectory}
 * built with one): administration reads the database ({@link #none}), so an operator's call on one gateway sees
 * what another gateway committed a moment before (a registration, a new token).
 */
public final class TenantCache {
    private static final Logger LOG = LoggerFactory.getLogger(TenantCache.class);
    /** How stale another process's change can be here: the {@code cache_versions} row is read this often. */
    public static final Duration DEFAULT_RECHECK = Duration.ofMillis(100);
    /** Entries per kind of lookup; a tenant takes about a kilobyte. */
    public static final int DEFAULT_MAX_ENTRIES = 20_000;

    static final String VERSION = "SELECT version FROM cache_versions WHERE name = 'tenants'";

    private final Database db;
    private final long recheckNanos;
    private final LongSupplier nanoTime;
    private final Cache<String, Optional<?>> entries;
    /** Moves whenever entries are forgotten; an entry read under an older generation is not kept. */
    private final AtomicLong generation = new AtomicLong();

    private final ReentrantLock checking = new ReentrantLock();
    private volatile long localChangesSeen;
    private volatile long versionSeen = Long.MIN_VALUE;
    private volatile long nextCheckAt;
    private final boolean holds;

    public TenantCache(Database db) {
        this(db, DEFAULT_RECHECK, DEFAULT_MAX_ENTRIES, System::nanoTime);
    }

    TenantCache(Database db, Duration recheck, int maxEntries, LongSupplier nanoTime) {
        this(db, recheck, maxEntries, nanoTime, true);
    }

    private TenantCache(Database db, Duration recheck, int maxEntries, LongSupplier nanoTime, boolean holds) {
        this.holds = holds;
        this.db = Objects.requireNonNull(db, "db");
        this.recheckNanos = recheck.toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        // One cache keyed by kind + value: lookups by id, phone id, number and admin phone share the bound.
        this.entries = Caffeine.newBuilder().maximumSize(4L * maxEntries).build();
        this.localChangesSeen = db.tenantChanges();
        this.nextCheckAt = nanoTime.getAsLong();
    }

    /** A cache that holds nothing: every lookup reads the database. */
    public static TenantCache none(Database db) {
        return new TenantCache(db, DEFAULT_RECHECK, 1, System::nanoTime, false);
    }

    /** The held result of {@code key}, or {@code load}'s (held for next time unless a change raced it). */
    @SuppressWarnings("unchecked")
    <T> Optional<T> get(String key, Supplier<Optional<T>> load) {
        if (!holds) {
            return load.get();
        }
        forgetIfChanged();
        Optional<?> held = entries.getIfPresent(key);
        if (held != null) {
            return (Optional<T>) held;
        }
        long readUnder = generation.get();
        Optional<T> loaded = load.get();
        entries.put(key, loaded);
        if (generation.get() != readUnder) {
            // Forgotten while it was being read: it may be the old row. (If the change came after the put, the
            // forgetting removed it already.)
            entries.invalidate(key);
        }
        return loaded;
    }

    /** Forgets everything now (after a change this process made, which it also announces to the others). */
    void forgetAll() {
        generation.incrementAndGet();
        entries.invalidateAll();
    }

    /** How many lookups are held (for tests). */
    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    private void forgetIfChanged() {
        long local = db.tenantChanges();
        if (local != localChangesSeen) {
            localChangesSeen = local;
            forgetAll();
        }
        if (nanoTime.getAsLong() - nextCheckAt >= 0 && checking.tryLock()) {
            try {
                if (nanoTime.getAsLong() - nextCheckAt >= 0) {
                    checkVersion();
                    nextCheckAt = nanoTime.getAsLong() + recheckNanos;
                }
            } finally {
                checking.unlock();
            }
        }
    }

    private void checkVersion() {
        long version;
        try {
            version = db.inRead(handle ->
                    handle.createQuery(VERSION).mapTo(Long.class).findOne().orElse(0L));
        } catch (RuntimeException e) {
            // Without the version nothing held can be trusted for long: forget it and read through.
            LOG.warn("could not read the version of the routing data; forgetting what is held", e);
            versionSeen = Long.MIN_VALUE;
            forgetAll();
            return;
        }
        if (version != versionSeen) {
            if (versionSeen != Long.MIN_VALUE) {
                LOG.debug("routing data changed (version {} -> {}); forgetting what is held", versionSeen, version);
            }
            versionSeen = version;
            forgetAll();
        }
    }
}
