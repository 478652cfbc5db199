package com.vendin.whatsapp.persistence.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.ports.inbound.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What every {@link RateLimiter} adapter promises (CONTRACT §2.3): a sliding window, refused events not counted, atomic. */
abstract class RateLimiterContract {
    static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");
    static final Duration MINUTE = Duration.ofMinutes(1);

    /** The limiter under test; keys used by one test never meet another test's. */
    protected abstract RateLimiter limiter();

    @Test
    void givenLimitReachedWhenOneMoreArrivesInsideTheWindowThenRefusedAndNotCounted() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter().tryAcquire("ana", 3, MINUTE, T0.plusSeconds(i)))
                    .isTrue();
        }

        assertThat(limiter().tryAcquire("ana", 3, MINUTE, T0.plusSeconds(30))).isFalse();
        assertThat(limiter().tryAcquire("ana", 3, MINUTE, T0.plusSeconds(60)))
                .as("first event left the window")
                .isTrue();
        assertThat(limiter().tryAcquire("ana", 3, MINUTE, T0.plusSeconds(60)))
                .as("the refused one was not counted")
                .isFalse();
    }

    @Test
    void givenSlidingWindowWhenEventsAgeOutThenRoomComesBackOneByOne() {
        limiter().tryAcquire("ana", 2, MINUTE, T0);
        limiter().tryAcquire("ana", 2, MINUTE, T0.plusSeconds(40));

        assertThat(limiter().tryAcquire("ana", 2, MINUTE, T0.plusSeconds(59))).isFalse();
        assertThat(limiter().tryAcquire("ana", 2, MINUTE, T0.plusSeconds(61))).isTrue();
        assertThat(limiter().tryAcquire("ana", 2, MINUTE, T0.plusSeconds(62))).isFalse();
    }

    @Test
    void givenLimitReachedWhenOneEventIsGivenBackThenOneMoreFitsAndOnlyThatOne() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter().tryAcquire("ana", 3, MINUTE, T0.plusSeconds(i)))
                    .isTrue();
        }

        limiter().release("ana", T0.plusSeconds(1));
        limiter().release("ana", T0.plusSeconds(7));
        limiter().release("bia", T0.plusSeconds(1));

        assertThat(limiter().tryAcquire("ana", 3, MINUTE, T0.plusSeconds(10))).isTrue();
        assertThat(limiter().tryAcquire("ana", 3, MINUTE, T0.plusSeconds(11)))
                .as("an unknown event gives nothing back")
                .isFalse();
    }

    @Test
    void givenTwoSendersWhenOneIsLimitedThenTheOtherIsNot() {
        limiter().tryAcquire("ana", 1, MINUTE, T0);

        assertThat(limiter().tryAcquire("ana", 1, MINUTE, T0)).isFalse();
        assertThat(limiter().tryAcquire("bia", 1, MINUTE, T0)).isTrue();
    }

    @Test
    void givenManyThreadsOnOneKeyWhenTheyAcquireAtOnceThenExactlyTheLimitSucceeds() throws Exception {
        AtomicInteger granted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Void>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            done.add(pool.submit((Callable<Void>) () -> {
                start.await();
                for (int i = 0; i < 500; i++) {
                    if (limiter().tryAcquire("ana", 20, MINUTE, T0.plusMillis(i))) {
                        granted.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<Void> f : done) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(granted.get()).isEqualTo(20);
    }
}
