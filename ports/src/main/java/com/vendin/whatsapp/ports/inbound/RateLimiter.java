package com.vendin.whatsapp.ports.inbound;

import java.time.Duration;
import java.time.Instant;

/** Counts events per key in a sliding window (CONTRACT §2.3: messages per sender per minute). */
public interface RateLimiter {

    /** Counts one event for {@code key} at {@code now}; false (and not counted) when {@code limit} events already fall inside the window. */
    boolean tryAcquire(String key, int limit, Duration window, Instant now);

    /**
     * Gives back one event that {@link #tryAcquire} counted for {@code key} at {@code acquiredAt}, because it did
     * not happen after all (the message was a duplicate, or was not recorded); nothing when there is none.
     */
    void release(String key, Instant acquiredAt);
}
