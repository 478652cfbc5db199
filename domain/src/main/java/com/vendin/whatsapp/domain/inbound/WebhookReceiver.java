package com.vendin.whatsapp.domain.inbound;

import com.vendin.whatsapp.domain.DeliverySettings;
import com.vendin.whatsapp.domain.routing.Router;
import com.vendin.whatsapp.ports.delivery.WorkNotifier;
import com.vendin.whatsapp.ports.inbound.BatchReceipt;
import com.vendin.whatsapp.ports.inbound.InboundBatch;
import com.vendin.whatsapp.ports.inbound.InboundMessage;
import com.vendin.whatsapp.ports.inbound.InboundState;
import com.vendin.whatsapp.ports.inbound.Inbox;
import com.vendin.whatsapp.ports.inbound.InboxEntry;
import com.vendin.whatsapp.ports.inbound.RateLimiter;
import com.vendin.whatsapp.ports.inbound.ReceiveWebhook;
import com.vendin.whatsapp.ports.inbound.RoutingDecision;
import com.vendin.whatsapp.ports.inbound.StandbyLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Records what a verified webhook carried: applies identity changes (system messages) first, records
 * {@code standby} items, drops redeliveries, routes each message on its own, rate-limits threads and writes
 * the messages and statuses in one {@link Inbox#record} call; once the provider has its answer
 * ({@link #acknowledged}) it releases the new messages to the delivery workers and wakes them.
 *
 * <p>An unreadable sender is recorded as unroutable and never affects its siblings. Any other failure
 * (the directory or the inbox failing) propagates before anything is recorded, so the webhook answers
 * an error and the provider redelivers the whole batch, which dedup then makes safe.
 */
public final class WebhookReceiver implements ReceiveWebhook {
    private static final System.Logger LOG = System.getLogger(WebhookReceiver.class.getName());
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final Router router;
    private final Inbox inbox;
    private final RateLimiter rateLimiter;
    private final WorkNotifier notifier;
    private final StandbyLog standby;
    private final DeliverySettings settings;
    private final Clock clock;

    public WebhookReceiver(
            Router router,
            Inbox inbox,
            RateLimiter rateLimiter,
            WorkNotifier notifier,
            StandbyLog standby,
            DeliverySettings settings,
            Clock clock) {
        this.router = Objects.requireNonNull(router, "router");
        this.inbox = Objects.requireNonNull(inbox, "inbox");
        this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.standby = Objects.requireNonNull(standby, "standby");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public BatchReceipt receive(InboundBatch batch) {
        batch.identityChanges().forEach(router::apply);
        if (!batch.standby().isEmpty()) {
            standby.record(batch.standby());
        }
        Instant now = clock.instant();
        List<InboxEntry> entries = new ArrayList<>();
        Set<String> recorded;
        try {
            addFirstSeenEntries(batch.messages(), now, entries);
            recorded = entries.isEmpty() && batch.statuses().isEmpty()
                    ? Set.of()
                    : inbox.record(entries, batch.statuses());
        } catch (RuntimeException e) {
            giveBackSlots(entries, Set.of(), now);
            throw e;
        }
        giveBackSlots(entries, recorded, now);
        return tally(batch, entries, recorded);
    }

    /** The provider has been answered: the messages just recorded may reach their tenants now. */
    @Override
    public void acknowledged(InboundBatch batch, BatchReceipt receipt) {
        if (receipt.accepted() == 0) {
            return;
        }
        try {
            inbox.release(batch.messages().stream()
                    .map(InboundMessage::providerMessageId)
                    .toList());
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "could not release acknowledged messages; they are delivered " + "when their hold runs out",
                    e);
        }
        wakeWorkers();
    }

    /** Adds the entries of messages not seen before to {@code entries} one by one (a failure keeps those added). */
    private void addFirstSeenEntries(List<InboundMessage> messages, Instant now, List<InboxEntry> entries) {
        Set<String> ids = new LinkedHashSet<>();
        messages.forEach(m -> ids.add(m.providerMessageId()));
        Set<String> seen = ids.isEmpty() ? new HashSet<>() : new HashSet<>(inbox.known(ids));
        for (InboundMessage message : messages) {
            if (seen.add(message.providerMessageId())) {
                RoutingDecision decision = router.route(message);
                entries.add(new InboxEntry(message, decision, stateFor(decision, now)));
            }
        }
    }

    private InboundState stateFor(RoutingDecision decision, Instant now) {
        if (!(decision instanceof RoutingDecision.Routed)) {
            return InboundState.UNROUTABLE;
        }
        return rateLimiter.tryAcquire(slotKey(decision), settings.rateLimitPerMinute(), WINDOW, now)
                ? InboundState.RECEIVED
                : InboundState.RATE_LIMITED;
    }

    private static String slotKey(RoutingDecision decision) {
        return "sender:" + ((RoutingDecision.Routed) decision).threadId();
    }

    /**
     * Only a recorded message counts against its sender's limit (CONTRACT §2.3): the slot of an entry that took
     * one and was not recorded (a redelivery that raced the first one, or a batch that failed) is given back.
     */
    private void giveBackSlots(List<InboxEntry> entries, Set<String> recorded, Instant now) {
        for (InboxEntry entry : entries) {
            if (entry.state() == InboundState.RECEIVED
                    && !recorded.contains(entry.message().providerMessageId())) {
                try {
                    rateLimiter.release(slotKey(entry.decision()), now);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "could not give back a rate-limit slot", e);
                }
            }
        }
    }

    private static BatchReceipt tally(InboundBatch batch, List<InboxEntry> entries, Set<String> recorded) {
        int accepted = 0;
        int unroutable = 0;
        int rateLimited = 0;
        for (InboxEntry entry : entries) {
            if (!recorded.contains(entry.message().providerMessageId())) {
                continue;
            }
            switch (entry.state()) {
                case RECEIVED -> accepted++;
                case RATE_LIMITED -> rateLimited++;
                default -> unroutable++;
            }
        }
        int duplicates = batch.messages().size() - accepted - unroutable - rateLimited;
        return new BatchReceipt(
                accepted, duplicates, unroutable, rateLimited, batch.statuses().size());
    }

    private void wakeWorkers() {
        try {
            notifier.workAvailable();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not wake the delivery workers; they will poll", e);
        }
    }
}
