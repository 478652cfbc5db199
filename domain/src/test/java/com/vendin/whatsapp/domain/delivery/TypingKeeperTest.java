package com.vendin.whatsapp.domain.delivery;

import static com.vendin.whatsapp.domain.Fixtures.metaNumber;
import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.domain.Fixtures;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.delivery.ReplyRoute;
import com.vendin.whatsapp.ports.delivery.SenderAccount;
import com.vendin.whatsapp.ports.tenant.WhatsAppNumber;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TypingKeeperTest {
    private static final ReplyRoute CUSTOMER =
            new ReplyRoute(Provider.FACEBOOK, false, Optional.of("201"), "5511988887777");
    private static final Optional<WhatsAppNumber> STORE =
            Optional.of(metaNumber("+5511999991111", "201", Optional.of("store-token")));

    /** Records how renewals are scheduled, and runs them as a real scheduler would. */
    private static final class RecordingScheduler extends ScheduledThreadPoolExecutor {
        final List<long[]> schedules = new CopyOnWriteArrayList<>();
        final List<ScheduledFuture<?>> futures = new CopyOnWriteArrayList<>();

        RecordingScheduler() {
            super(1);
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(
                Runnable command, long initialDelay, long delay, TimeUnit unit) {
            schedules.add(new long[] {unit.toMillis(initialDelay), unit.toMillis(delay)});
            ScheduledFuture<?> future = super.scheduleWithFixedDelay(command, initialDelay, delay, unit);
            futures.add(future);
            return future;
        }
    }

    private final RecordingScheduler ticks = new RecordingScheduler();
    private final List<String> shown = new CopyOnWriteArrayList<>();
    private final List<SenderAccount> accounts = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        ticks.shutdownNow();
    }

    private TypingKeeper keeper(Duration every) {
        return TypingKeeper.on(
                (from, id) -> {
                    accounts.add(from);
                    shown.add(id);
                },
                Fixtures.platform(),
                ticks,
                Runnable::run,
                every);
    }

    @Test
    void givenTheDefaultIntervalWhenACallStartsThenTypingIsShownAtOnceAndRenewedEveryTwentySecondsUntilClosed()
            throws Exception {
        assertThat(TypingKeeper.DEFAULT_INTERVAL)
                .isEqualTo(Duration.ofSeconds(20))
                .as("under Meta's 25 s lifetime of one indicator")
                .isLessThan(Duration.ofSeconds(25));
        TypingKeeper.Session session = keeper(TypingKeeper.DEFAULT_INTERVAL).start(CUSTOMER, STORE, "wamid.A");

        assertThat(ticks.schedules).singleElement().satisfies(s -> assertThat(s).containsExactly(0, 20_000));
        ticks.submit(() -> {}).get(5, TimeUnit.SECONDS);
        assertThat(shown).containsExactly("wamid.A");
        assertThat(accounts).containsExactly(SenderAccount.meta("201", new Secret("store-token")));

        session.close();
        assertThat(ticks.futures.get(0).isCancelled()).isTrue();
    }

    @Test
    void givenAShortIntervalWhenTheCallLastsThenTheIndicatorIsRenewedAndStopsWithTheSession() throws Exception {
        TypingKeeper.Session session = keeper(Duration.ofMillis(50)).start(CUSTOMER, STORE, "wamid.B");
        Thread.sleep(200);
        session.close();
        Thread.sleep(20);
        int renewed = shown.size();
        Thread.sleep(150);

        assertThat(renewed).as("shown at once, then renewed").isGreaterThanOrEqualTo(2);
        assertThat(shown).hasSize(renewed).containsOnly("wamid.B");
    }

    @Test
    void givenAnAdminMessageOrAStoreWithoutItsProvidersNumberOrTypingOffThenNothingIsScheduled() {
        keeper(TypingKeeper.DEFAULT_INTERVAL)
                .start(new ReplyRoute(Provider.FACEBOOK, true, Optional.of("900"), "55"), STORE, "wamid.admin")
                .close();
        keeper(TypingKeeper.DEFAULT_INTERVAL)
                .start(CUSTOMER, Optional.empty(), "wamid.nonumber")
                .close();
        TypingKeeper.off().start(CUSTOMER, STORE, "wamid.off").close();

        assertThat(ticks.schedules).isEmpty();
        assertThat(shown).isEmpty();
    }

    @Test
    void givenATwilioCustomerThenTheTwilioAccountOfTheNumberShowsIt() throws Exception {
        Optional<WhatsAppNumber> twilio = Optional.of(com.vendin.whatsapp.domain.Fixtures.twilioNumber(
                "+551140045678", Optional.of("ACsub"), Optional.of("sub-token")));
        TypingKeeper.Session session = keeper(TypingKeeper.DEFAULT_INTERVAL)
                .start(
                        new ReplyRoute(Provider.TWILIO, false, Optional.empty(), "whatsapp:+5511988887777"),
                        twilio,
                        "SM1");
        ticks.submit(() -> {}).get(5, TimeUnit.SECONDS);
        session.close();

        assertThat(shown).containsExactly("SM1");
        assertThat(accounts)
                .containsExactly(SenderAccount.twilio(
                        new com.vendin.whatsapp.ports.phone.PhoneNumber("+551140045678"),
                        "ACsub",
                        new Secret("sub-token")));
    }

    @Test
    void givenAFailingIndicatorOrAFullPoolThenTheSessionStillOpensAndCloses() {
        TypingKeeper failing = TypingKeeper.on(
                (from, id) -> {
                    throw new IllegalStateException("boom");
                },
                Fixtures.platform(),
                ticks,
                command -> {
                    throw new java.util.concurrent.RejectedExecutionException("full");
                },
                Duration.ofMillis(10));

        failing.start(CUSTOMER, STORE, "wamid.C").close();

        assertThat(ticks.schedules).hasSize(1);
    }
}
