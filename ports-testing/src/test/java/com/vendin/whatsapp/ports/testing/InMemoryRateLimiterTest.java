package com.vendin.whatsapp.ports.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryRateLimiterTest {
    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void windowSlidesAndRefusedEventsDoNotCount() {
        InMemoryRateLimiter limiter = new InMemoryRateLimiter();

        assertThat(limiter.tryAcquire("k", 2, MINUTE, T0)).isTrue();
        assertThat(limiter.tryAcquire("k", 2, MINUTE, T0.plusSeconds(30))).isTrue();
        assertThat(limiter.tryAcquire("k", 2, MINUTE, T0.plusSeconds(59))).isFalse();
        assertThat(limiter.tryAcquire("other", 2, MINUTE, T0.plusSeconds(59))).isTrue();
        assertThat(limiter.tryAcquire("k", 2, MINUTE, T0.plusSeconds(60))).isTrue();
        assertThat(limiter.tryAcquire("k", 2, MINUTE, T0.plusSeconds(61))).isFalse();
        assertThat(limiter.tryAcquire("k", 2, MINUTE, T0.plusSeconds(90))).isTrue();
    }
}
