package com.vendin.whatsapp.persistence.ratelimit;

import com.vendin.whatsapp.ports.inbound.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A sliding-window rate limiter for one process: per key, the times of the events still inside the
 * window. Thread-safe (each key is updated under its map entry's lock). Memory stays bounded: a key holds
 * at most {@code limit} times, a key whose window emptied is dropped, and every window's length a sweep
 * drops the keys nobody touched since.
 */
public final class InProcessRateLimiter implements RateLimiter {
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final AtomicLong nextSweepAt = new AtomicLong(Long.MIN_VALUE);

    @Override
    public boolean tryAcquire(String key, int limit, Duration window, Instant now) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(now, "now");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the window must be positive");
        }
        long at = now.toEpochMilli();
        long span = window.toMillis();
        boolean[] acquired = new boolean[1];
        windows.compute(key, (k, current) -> {
            Window w = current == null ? new Window() : current;
            acquired[0] = w.tryAdd(at, span, limit);
            return w.isEmpty() ? null : w;
        });
        sweepIfDue(at, span);
        return acquired[0];
    }

    @Override
    public void release(String key, Instant acquiredAt) {
        Objects.requireNonNull(key, "key");
        long at = acquiredAt.toEpochMilli();
        windows.computeIfPresent(key, (k, w) -> {
            w.remove(at);
            return w.isEmpty() ? null : w;
        });
    }

    /** How many keys are held in memory now. */
    int trackedKeys() {
        return windows.size();
    }

    private void sweepIfDue(long at, long span) {
        long due = nextSweepAt.get();
        if (at < due || !nextSweepAt.compareAndSet(due, at + span)) {
            return;
        }
        for (String key : windows.keySet()) {
            windows.computeIfPresent(key, (k, w) -> {
                w.prune(at);
                return w.isEmpty() ? null : w;
            });
        }
    }

    /** The event times of one key inside its window, oldest first; used only under the map entry's lock. */
    private static final class Window {
        private final ArrayDeque<Long> times = new ArrayDeque<>();
        private long span;

        boolean tryAdd(long at, long windowMillis, int limit) {
            span = windowMillis;
            prune(at);
            if (times.size() >= limit) {
                return false;
            }
            times.addLast(at);
            return true;
        }

        void prune(long at) {
            while (!times.isEmpty() && times.peekFirst() <= at - span) {
                times.removeFirst();
            }
        }

        void remove(long at) {
            times.removeLastOccurrence(at);
        }

        boolean isEmpty() {
            return times.isEmpty();
        }
    }
}
