package com.vendin.whatsapp.domain.delivery;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When to try again (CONTRACT §3): after failed attempt {@code n} wait {@code min(300 s, 3 s * 2^(n-1))}
 * times a jitter factor in [0.75, 1.0]; give up once {@code maxAttempts} attempts have failed.
 */
public final class RetryPolicy {
    private static final long BASE_MILLIS = 3_000;
    private static final long CAP_MILLIS = 300_000;
    private static final int MAX_SHIFT = 20;
    private static final double MIN_FACTOR = 0.75;

    private final int maxAttempts;
    private final DoubleSupplier unitRandom;

    /** With {@code unitRandom} giving numbers in [0, 1] (0 = shortest delay, 1 = longest). */
    public RetryPolicy(int maxAttempts, DoubleSupplier unitRandom) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        this.maxAttempts = maxAttempts;
        this.unitRandom = Objects.requireNonNull(unitRandom, "unitRandom");
    }

    public RetryPolicy(int maxAttempts) {
        this(maxAttempts, () -> ThreadLocalRandom.current().nextDouble());
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** Whether another try is allowed after {@code failedAttempts} failures in all. */
    public boolean allowsRetryAfter(int failedAttempts) {
        return failedAttempts < maxAttempts;
    }

    /** The wait after the {@code failedAttempt}-th failure (1 for the first). */
    public Duration delayAfter(int failedAttempt) {
        if (failedAttempt < 1) {
            throw new IllegalArgumentException("attempts count from 1: " + failedAttempt);
        }
        long base = Math.min(CAP_MILLIS, BASE_MILLIS << Math.min(failedAttempt - 1, MAX_SHIFT));
        double unit = Math.max(0.0, Math.min(1.0, unitRandom.getAsDouble()));
        double factor = MIN_FACTOR + (1.0 - MIN_FACTOR) * unit;
        return Duration.ofMillis(Math.round(base * factor));
    }
}
