package com.vendin.whatsapp.persistence.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.ports.inbound.RateLimiter;
import org.junit.jupiter.api.Test;

/** The in-process limiter passes the rate-limiter contract and forgets idle senders. */
class InProcessRateLimiterTest extends RateLimiterContract {
    private final InProcessRateLimiter limiter = new InProcessRateLimiter();

    @Override
    protected RateLimiter limiter() {
        return limiter;
    }

    @Test
    void givenManyIdleSendersWhenTheirWindowsHavePassedThenTheyAreForgotten() {
        for (int i = 0; i < 1000; i++) {
            limiter.tryAcquire("sender-" + i, 5, MINUTE, T0);
        }
        assertThat(limiter.trackedKeys()).isEqualTo(1000);

        limiter.tryAcquire("late", 5, MINUTE, T0.plus(MINUTE).plusSeconds(1));

        assertThat(limiter.trackedKeys()).isEqualTo(1);
    }
}
