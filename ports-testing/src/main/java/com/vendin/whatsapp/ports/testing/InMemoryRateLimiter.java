package com.vendin.whatsapp.ports.testing;

import com.vendin.whatsapp.ports.inbound.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/** A sliding-window {@link RateLimiter} in memory: an event counts while it is less than {@code window} old. */
public final class InMemoryRateLimiter implements RateLimiter {
    private final Map<String, Deque<Instant>> events = new HashMap<>();

    @Override
    public synchronized boolean tryAcquire(String key, int limit, Duration window, Instant now) {
        Deque<Instant> times = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        Instant horizon = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
            times.pollFirst();
        }
        if (times.size() >= limit) {
            return false;
        }
        times.addLast(now);
        return true;
    }

    @Override
    public synchronized void release(String key, Instant acquiredAt) {
        Deque<Instant> times = events.get(key);
        if (times != null) {
            times.removeLastOccurrence(acquiredAt);
        }
    }

    /** How many events for {@code key} are remembered (inside or not yet pruned from the window). */
    public synchronized int counted(String key) {
        return events.getOrDefault(key, new ArrayDeque<>()).size();
    }
}
