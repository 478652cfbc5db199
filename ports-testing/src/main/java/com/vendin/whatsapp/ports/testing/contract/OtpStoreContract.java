package com.vendin.whatsapp.ports.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.ports.otp.OtpStore;
import com.vendin.whatsapp.ports.otp.PendingCode;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.TenantId;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link OtpStore} must do. Extend it with a store made fresh (and empty) for each test. */
public abstract class OtpStoreContract {
    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");
    private static final OtpStore.Limits LIMITS = new OtpStore.Limits(Duration.ofSeconds(60), 5, Duration.ofHours(1));
    private static final PhoneNumber PHONE = new PhoneNumber("+5511999911111");
    private static final PhoneNumber OTHER = new PhoneNumber("+5511999922222");

    private OtpStore store;

    protected abstract OtpStore newStore();

    @BeforeEach
    void freshStore() {
        store = newStore();
    }

    private static PendingCode code(String id) {
        return new PendingCode(
                id,
                new TenantId("moda-brasil"),
                "user-1",
                "00112233445566778899aabbccddeeff",
                "ab".repeat(32),
                T0.plus(Duration.ofMinutes(5)),
                0);
    }

    @Test
    void givenIssuedCode_whenAttemptCounted_thenItComesBackWithItsFieldsAndOneMoreAttempt() {
        assertThat(store.issue(PHONE, code("c1"), T0, LIMITS)).isTrue();

        assertThat(store.countAttempt(PHONE, T0)).contains(code("c1").withAttempts(1));
        assertThat(store.countAttempt(PHONE, T0)).contains(code("c1").withAttempts(2));
        assertThat(store.countAttempt(OTHER, T0)).isEmpty();
    }

    @Test
    void givenCodeJustIssued_whenAnotherWithinTheCooldown_thenRefusedAndTheFirstStaysPending() {
        store.issue(PHONE, code("c1"), T0, LIMITS);

        assertThat(store.issue(PHONE, code("c2"), T0.plusSeconds(59), LIMITS)).isFalse();
        assertThat(store.issue(OTHER, code("c3"), T0.plusSeconds(1), LIMITS)).isTrue();
        assertThat(store.countAttempt(PHONE, T0.plusSeconds(59)).map(PendingCode::codeId))
                .contains("c1");
    }

    @Test
    void givenCooldownPassed_whenNewCodeIssued_thenItReplacesTheOldOneWithFreshAttempts() {
        store.issue(PHONE, code("c1"), T0, LIMITS);
        store.countAttempt(PHONE, T0);

        assertThat(store.issue(PHONE, code("c2"), T0.plusSeconds(60), LIMITS)).isTrue();

        assertThat(store.countAttempt(PHONE, T0.plusSeconds(61)))
                .contains(code("c2").withAttempts(1));
        assertThat(store.consume(PHONE, "c1", 5)).isFalse();
    }

    @Test
    void givenFiveCodesInAnHour_whenSixth_thenRefusedUntilTheFirstLeavesTheWindow() {
        for (int i = 0; i < 5; i++) {
            assertThat(store.issue(PHONE, code("c" + i), T0.plus(Duration.ofMinutes(2L * i)), LIMITS))
                    .isTrue();
        }

        assertThat(store.issue(PHONE, code("c5"), T0.plus(Duration.ofMinutes(30)), LIMITS))
                .isFalse();
        assertThat(store.issue(
                        PHONE, code("c6"), T0.plus(Duration.ofMinutes(60)).plusSeconds(1), LIMITS))
                .isTrue();
    }

    @Test
    void givenPendingCode_whenConsumedTwice_thenOnlyTheFirstSucceeds() {
        store.issue(PHONE, code("c1"), T0, LIMITS);
        store.countAttempt(PHONE, T0);

        assertThat(store.consume(PHONE, "c1", 5)).isTrue();
        assertThat(store.consume(PHONE, "c1", 5)).isFalse();
        assertThat(store.countAttempt(PHONE, T0)).isEmpty();
    }

    @Test
    void givenCodeWithTooManyAttempts_whenConsumed_thenRefusedAndStillPendingAsVoid() {
        store.issue(PHONE, code("c1"), T0, LIMITS);
        for (int i = 0; i < 6; i++) {
            store.countAttempt(PHONE, T0);
        }

        assertThat(store.consume(PHONE, "c1", 5)).isFalse();
        assertThat(store.consume(PHONE, "other-id", 5)).isFalse();
        assertThat(store.countAttempt(PHONE, T0).map(PendingCode::attempts)).contains(7);
    }

    @Test
    void givenManyThreads_whenTheyConsumeOneCodeAtOnce_thenExactlyOneSucceeds() throws Exception {
        store.issue(PHONE, code("c1"), T0, LIMITS);
        assertThat(race(8, () -> store.consume(PHONE, "c1", 5))).containsOnlyOnce(true);
    }

    @Test
    void givenManyThreads_whenTheyIssueAtOnce_thenExactlyOneIsIssued() throws Exception {
        AtomicInteger ids = new AtomicInteger();
        List<Boolean> results = race(8, () -> store.issue(PHONE, code("c" + ids.incrementAndGet()), T0, LIMITS));
        assertThat(results).containsOnlyOnce(true);
    }

    private static List<Boolean> race(int threads, Callable<Boolean> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<Boolean> results = new ArrayList<>();
            for (Future<Boolean> f : futures) {
                results.add(f.get(10, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
