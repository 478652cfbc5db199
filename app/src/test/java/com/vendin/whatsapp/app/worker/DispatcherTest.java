package com.vendin.whatsapp.app.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The claim loop: it must outlive any failure of a claim, for a gateway that stops claiming never delivers again. */
class DispatcherTest {
    private static final Duration POLL = Duration.ofMillis(20);

    @Test
    void givenClaimsThatThrowAnErrorAndAnExceptionWhenTheLoopRunsThenItGoesOnAndHandlesLaterClaims() throws Exception {
        AtomicInteger claims = new AtomicInteger();
        Set<Integer> handled = ConcurrentHashMap.newKeySet();
        CountDownLatch all = new CountDownLatch(3);
        Dispatcher<Integer> dispatcher = new Dispatcher<>(
                "test",
                idle -> switch (claims.incrementAndGet()) {
                    case 1 -> throw new OutOfMemoryError("unable to create native thread: possibly out of memory");
                    case 2 -> throw new IllegalStateException("the database is gone");
                    case 3 -> List.of(1, 2, 3);
                    default -> List.of();
                },
                item -> {
                    handled.add(item);
                    all.countDown();
                },
                2,
                POLL);

        assertThat(runsUntil(dispatcher, all))
                .as("items claimed after the failures are handled")
                .isTrue();
        assertThat(handled).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(claims.get()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void givenAWorkerThatThrowsWhenItemsAreHandledThenItsWorkerSlotIsFreedForTheNext() throws Exception {
        AtomicInteger claims = new AtomicInteger();
        CountDownLatch second = new CountDownLatch(1);
        Dispatcher<Integer> dispatcher = new Dispatcher<>(
                "test",
                idle -> switch (claims.incrementAndGet()) {
                    case 1 -> List.of(1);
                    case 2 -> List.of(2);
                    default -> List.of();
                },
                item -> {
                    if (item == 1) {
                        throw new IllegalArgumentException("a bad item");
                    }
                    second.countDown();
                },
                1,
                POLL);

        assertThat(runsUntil(dispatcher, second))
                .as("the only worker is free again after an item failed")
                .isTrue();
    }

    /** Starts {@code dispatcher}, waits up to 10 s for {@code done}, stops it; whether {@code done} came. */
    private static boolean runsUntil(Dispatcher<?> dispatcher, CountDownLatch done) throws InterruptedException {
        dispatcher.start();
        try {
            return done.await(10, TimeUnit.SECONDS);
        } finally {
            dispatcher.stop(Duration.ofSeconds(5));
        }
    }
}
