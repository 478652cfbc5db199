package com.vendin.whatsapp.domain.delivery;

import com.vendin.whatsapp.domain.PlatformAccount;
import com.vendin.whatsapp.ports.delivery.ReplyRoute;
import com.vendin.whatsapp.ports.delivery.SenderAccount;
import com.vendin.whatsapp.ports.delivery.TypingIndicator;
import com.vendin.whatsapp.ports.tenant.WhatsAppNumber;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Keeps "typing…" showing to a customer while their tenant composes the answer (CONTRACT §3.5): marks the
 * message read with the typing indicator (Meta's, and Twilio's Public Beta one, CONTRACT §3.5) when
 * the call starts and again every {@code every} (20 s: both drop the indicator after 25 s) until it ends. Each indicator call is handed to {@code calls}, so a slow or
 * failing provider never delays the delivery.
 */
public final class TypingKeeper {
    /** How often the indicator is renewed; under Meta's 25 s lifetime of one indicator. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(20);

    private static final System.Logger LOG = System.getLogger(TypingKeeper.class.getName());
    private static final Session NONE = () -> {};

    private final Optional<Setup> setup;

    private record Setup(
            TypingIndicator indicator,
            SenderAccounts accounts,
            ScheduledExecutorService ticks,
            Executor calls,
            Duration every) {}

    /** Shows typing while the tenant call runs. */
    @FunctionalInterface
    public interface Session extends AutoCloseable {
        @Override
        void close();
    }

    private TypingKeeper(Optional<Setup> setup) {
        this.setup = setup;
    }

    /** Never shows typing ({@code GATEWAY_TYPING_INDICATOR=false}). */
    public static TypingKeeper off() {
        return new TypingKeeper(Optional.empty());
    }

    /**
     * @param ticks schedules the renewals; {@code calls} runs the indicator calls themselves
     * @param every how often the indicator is renewed ({@link #DEFAULT_INTERVAL} in production)
     */
    public static TypingKeeper on(
            TypingIndicator indicator,
            PlatformAccount platform,
            ScheduledExecutorService ticks,
            Executor calls,
            Duration every) {
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("the typing interval must be positive: " + every);
        }
        return new TypingKeeper(Optional.of(new Setup(
                Objects.requireNonNull(indicator, "indicator"),
                new SenderAccounts(platform),
                Objects.requireNonNull(ticks, "ticks"),
                Objects.requireNonNull(calls, "calls"),
                every)));
    }

    /** Whether a message of this kind gets the indicator: a customer's message (Meta, or Twilio's beta indicator). */
    static boolean applies(ReplyRoute route) {
        return !route.viaPlatform();
    }

    /** Starts showing typing for {@code inboundMessageId} (now, then every interval) until the session is closed. */
    public Session start(ReplyRoute route, Optional<WhatsAppNumber> storeNumber, String inboundMessageId) {
        if (setup.isEmpty() || !applies(route)) {
            return NONE;
        }
        Setup s = setup.get();
        Optional<SenderAccount> account =
                s.accounts().resolve(route, storeNumber).map(SenderAccounts.Resolved::account);
        if (account.isEmpty()) {
            return NONE;
        }
        Runnable tick = () -> hand(s, account.get(), inboundMessageId);
        try {
            // With a fixed delay, a stalled scheduler never fires a burst of renewals to catch up.
            ScheduledFuture<?> renewals =
                    s.ticks().scheduleWithFixedDelay(tick, 0, s.every().toMillis(), TimeUnit.MILLISECONDS);
            return () -> renewals.cancel(false);
        } catch (RejectedExecutionException e) {
            return NONE;
        }
    }

    private static void hand(Setup s, SenderAccount account, String messageId) {
        try {
            s.calls().execute(() -> {
                try {
                    s.indicator().show(account, messageId);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.DEBUG, "typing indicator for " + messageId + " failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "typing indicator for " + messageId + " skipped: too many in flight");
        }
    }
}
