package com.vendin.whatsapp.ports.testing;

import com.vendin.whatsapp.ports.delivery.PendingDelivery;
import com.vendin.whatsapp.ports.inbound.InboundMessage;
import com.vendin.whatsapp.ports.inbound.InboundState;
import com.vendin.whatsapp.ports.inbound.InboxEntry;
import com.vendin.whatsapp.ports.inbound.RoutingDecision;
import com.vendin.whatsapp.ports.query.MessageView;
import com.vendin.whatsapp.ports.query.UnroutableView;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/** One inbound message inside {@link InMemoryMessageStore}; guarded by the store's lock. */
final class InboundRow {
    /** Thread order: provider timestamp, then arrival. */
    static final Comparator<InboundRow> ORDER = Comparator.comparing((InboundRow r) -> r.message.providerTimestamp())
            .thenComparing(r -> r.id);

    final long id;
    final long seq;
    final InboundMessage message;
    final RoutingDecision decision;
    final Instant createdAt;
    InboundState state;
    int attempts;
    Instant nextAttemptAt;
    Instant leasedUntil;
    String lastError;
    Instant updatedAt;

    InboundRow(long id, long seq, InboxEntry entry, Instant now) {
        this.id = id;
        this.seq = seq;
        this.message = entry.message();
        this.decision = entry.decision();
        this.state = entry.state();
        this.createdAt = now;
        this.updatedAt = now;
        this.nextAttemptAt = now;
    }

    Optional<RoutingDecision.Routed> routed() {
        return decision instanceof RoutingDecision.Routed
                ? Optional.of((RoutingDecision.Routed) decision)
                : Optional.empty();
    }

    Optional<TenantId> tenant() {
        return routed().map(RoutingDecision.Routed::tenantId);
    }

    InMemoryMessageStore.ThreadKey threadKey() {
        RoutingDecision.Routed r = routed().orElseThrow();
        return new InMemoryMessageStore.ThreadKey(r.tenantId(), r.threadId());
    }

    boolean claimable(Instant now) {
        return !nextAttemptAt.isAfter(now) && (leasedUntil == null || !leasedUntil.isAfter(now));
    }

    InboundRow failedAttempt(String error, Instant now) {
        attempts++;
        lastError = error;
        leasedUntil = null;
        updatedAt = now;
        return this;
    }

    PendingDelivery pending() {
        RoutingDecision.Routed r = routed().orElseThrow();
        return new PendingDelivery(id, r.tenantId(), r.role(), r.threadId(), r.phone(), message, attempts, createdAt);
    }

    InMemoryMessageStore.StoredInbound snapshot() {
        return new InMemoryMessageStore.StoredInbound(
                id,
                message,
                decision,
                state,
                attempts,
                nextAttemptAt,
                Optional.ofNullable(leasedUntil),
                Optional.ofNullable(lastError),
                createdAt,
                updatedAt);
    }

    MessageView view() {
        Optional<RoutingDecision.Routed> r = routed();
        return new MessageView(
                "in-" + id,
                "inbound",
                message.from(),
                message.to().number(),
                message.content().type(),
                message.content().text(),
                state.wireName(),
                Optional.of(message.providerMessageId()),
                r.map(x -> x.role().wireName()),
                r.map(RoutingDecision.Routed::threadId),
                Optional.empty(),
                Optional.ofNullable(lastError),
                attempts,
                Optional.of(message.providerTimestamp()),
                createdAt,
                updatedAt,
                message.userId(),
                message.username());
    }

    UnroutableView unroutableView() {
        String reason = ((RoutingDecision.Unroutable) decision).reason().wireName();
        return new UnroutableView(
                "in-" + id,
                message.provider().wireName(),
                message.providerMessageId(),
                message.from(),
                message.to().number(),
                message.to().phoneId(),
                reason,
                message.content().type(),
                message.content().text(),
                message.providerTimestamp(),
                createdAt);
    }
}
