package com.vendin.whatsapp.ports.inbound;

import java.time.Duration;
import java.time.Instant;

/** Counts events per key in a sliding window (CONTRACT §2.3: messages per sender per minute). */
public interface RateLimiter {

    /** Counts one event for {@code key} at {@code now}; false (and not counted) when {@code limit} events already fall inside the window. */
    boolean tryAcquire(String key, int limit, Duration window, Instant now);
}
