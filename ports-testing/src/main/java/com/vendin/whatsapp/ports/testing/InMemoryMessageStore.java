package com.vendin.whatsapp.ports.testing;

import com.vendin.whatsapp.ports.delivery.ClaimCaps;
import com.vendin.whatsapp.ports.delivery.DeliveryQueue;
import com.vendin.whatsapp.ports.delivery.OutboundContent;
import com.vendin.whatsapp.ports.delivery.OutboundQueue;
import com.vendin.whatsapp.ports.delivery.PartCorrelation;
import com.vendin.whatsapp.ports.delivery.PendingDelivery;
import com.vendin.whatsapp.ports.delivery.PendingPart;
import com.vendin.whatsapp.ports.delivery.ReplyRoute;
import com.vendin.whatsapp.ports.inbound.DeliveryStatus;
import com.vendin.whatsapp.ports.inbound.InboundMessage;
import com.vendin.whatsapp.ports.inbound.InboundState;
import com.vendin.whatsapp.ports.inbound.Inbox;
import com.vendin.whatsapp.ports.inbound.InboxEntry;
import com.vendin.whatsapp.ports.inbound.RoutingDecision;
import com.vendin.whatsapp.ports.inbound.StatusUpdate;
import com.vendin.whatsapp.ports.query.MessageQueries;
import com.vendin.whatsapp.ports.query.MessageView;
import com.vendin.whatsapp.ports.query.UnroutableView;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The inbox, the delivery queue, the outbound queue and the operator queries in memory, following the
 * ports' Javadoc: dedup by provider message id, one claimable head per thread, leases, statuses that
 * only move forward (and are kept when they arrive before the send was accepted).
 *
 * <p>{@link DeliveryQueue} and {@link OutboundQueue} share method signatures, so they are views:
 * {@link #deliveryQueue()} and {@link #outboundQueue()}.
 */
public final class InMemoryMessageStore implements Inbox, MessageQueries {
    private final Clock clock;
    private final Map<Long, InboundRow> inbound = new LinkedHashMap<>();
    private final Map<String, InboundRow> byProviderId = new HashMap<>();
    private final Map<Long, PartRow> parts = new LinkedHashMap<>();
    private final Map<String, StatusUpdate> earlyStatuses = new HashMap<>();
    private final DeliveryQueue deliveryQueue = new Deliveries();
    private final OutboundQueue outboundQueue = new Outbox();
    private long nextId = 1;
    private long sequence;
    private int recordCalls;

    public InMemoryMessageStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A recorded inbound message as tests see it. */
    public record StoredInbound(
            long id,
            InboundMessage message,
            RoutingDecision decision,
            InboundState state,
            int attempts,
            Instant nextAttemptAt,
            Optional<Instant> leasedUntil,
            Optional<String> lastError,
            Instant createdAt,
            Instant updatedAt) {}

    /** A queued reply part as tests see it; {@code state} is pending, sent, delivered, read or failed. */
    public record StoredPart(
            long id,
            long inboundId,
            TenantId tenantId,
            String thread,
            ReplyRoute route,
            String text,
            int partIndex,
            int partCount,
            String state,
            int attempts,
            Instant nextAttemptAt,
            Optional<Instant> leasedUntil,
            Optional<String> providerMessageId,
            Optional<String> errorCode,
            Optional<String> errorDetail) {}

    public DeliveryQueue deliveryQueue() {
        return deliveryQueue;
    }

    public OutboundQueue outboundQueue() {
        return outboundQueue;
    }

    // ---- Inbox

    @Override
    public synchronized Set<String> record(List<InboxEntry> entries, List<StatusUpdate> statuses) {
        recordCalls++;
        Instant now = clock.instant();
        Set<String> added = new LinkedHashSet<>();
        for (InboxEntry entry : entries) {
            String providerId = entry.message().providerMessageId();
            if (!byProviderId.containsKey(providerId)) {
                InboundRow row = new InboundRow(nextId++, ++sequence, entry, now);
                inbound.put(row.id, row);
                byProviderId.put(providerId, row);
                added.add(providerId);
            }
        }
        statuses.forEach(this::applyStatus);
        return added;
    }

    @Override
    public synchronized Set<String> known(Collection<String> providerMessageIds) {
        return providerMessageIds.stream().filter(byProviderId::containsKey).collect(Collectors.toSet());
    }

    // ---- test helpers

    /** How many times {@link #record} was called. */
    public synchronized int recordCalls() {
        return recordCalls;
    }

    public synchronized List<StoredInbound> inbound() {
        return inbound.values().stream().map(InboundRow::snapshot).toList();
    }

    public synchronized Optional<StoredInbound> inbound(String providerMessageId) {
        return Optional.ofNullable(byProviderId.get(providerMessageId)).map(InboundRow::snapshot);
    }

    public synchronized List<StoredPart> parts() {
        return parts.values().stream().map(PartRow::snapshot).toList();
    }

    // ---- MessageQueries

    @Override
    public synchronized List<MessageView> forTenant(TenantId tenantId, int limit) {
        List<Map.Entry<Long, MessageView>> views = new ArrayList<>();
        inbound.values().stream()
                .filter(r -> r.tenant().filter(tenantId::equals).isPresent())
                .forEach(r -> views.add(Map.entry(r.seq, r.view())));
        parts.values().stream()
                .filter(p -> p.tenantId.equals(tenantId))
                .forEach(p -> views.add(Map.entry(p.seq, p.view(inbound.get(p.inboundId)))));
        return views.stream()
                .sorted(Comparator.comparing(
                                (Map.Entry<Long, MessageView> e) -> e.getValue().createdAt())
                        .thenComparing(Map.Entry::getKey)
                        .reversed())
                .limit(limit)
                .map(Map.Entry::getValue)
                .toList();
    }

    @Override
    public synchronized List<UnroutableView> unroutable(int limit) {
        return inbound.values().stream()
                .filter(r -> r.state == InboundState.UNROUTABLE)
                .sorted(Comparator.comparing((InboundRow r) -> r.createdAt)
                        .thenComparing(r -> r.seq)
                        .reversed())
                .limit(limit)
                .map(InboundRow::unroutableView)
                .toList();
    }

    // ---- statuses

    private void applyStatus(StatusUpdate status) {
        Optional<PartRow> part = parts.values().stream()
                .filter(p -> p.providerMessageId
                        .filter(status.providerMessageId()::equals)
                        .isPresent())
                .findFirst()
                .or(() -> reconcile(status));
        if (part.isPresent()) {
            part.get().advance(status, clock.instant());
        } else {
            earlyStatuses.merge(
                    status.providerMessageId(),
                    status,
                    (old, neu) -> old.status() == DeliveryStatus.FAILED
                                    || neu.status().rank() <= old.status().rank()
                            ? old
                            : neu);
        }
    }

    /** The pending part the status's correlation id names, now accepted with the status's provider id. */
    private Optional<PartRow> reconcile(StatusUpdate status) {
        Optional<PartRow> waiting = status.correlationId()
                .flatMap(PartCorrelation::partId)
                .map(parts::get)
                .filter(p -> p.state.equals(PartRow.PENDING)
                        && p.providerMessageId.isEmpty()
                        && p.route.provider() == status.provider());
        waiting.ifPresent(p -> {
            p.accepted(status.providerMessageId(), clock.instant());
            markRepliedWhenAllAccepted(p.inboundId, clock.instant());
        });
        return waiting;
    }

    private void markRepliedWhenAllAccepted(long inboundId, Instant now) {
        boolean allAccepted = parts.values().stream()
                .filter(p -> p.inboundId == inboundId)
                .allMatch(p -> p.providerMessageId.isPresent());
        InboundRow row = inbound.get(inboundId);
        if (allAccepted && row.state == InboundState.FORWARDED) {
            row.state = InboundState.REPLIED;
            row.updatedAt = now;
        }
    }

    private InboundRow inboundRow(long id) {
        InboundRow row = inbound.get(id);
        if (row == null) {
            throw new IllegalArgumentException("no inbound message " + id);
        }
        return row;
    }

    private PartRow partRow(long id) {
        PartRow row = parts.get(id);
        if (row == null) {
            throw new IllegalArgumentException("no outbound part " + id);
        }
        return row;
    }

    record ThreadKey(TenantId tenantId, String thread) {}

    /** The delivery queue view. */
    private final class Deliveries implements DeliveryQueue {
        @Override
        public List<PendingDelivery> claimDue(Instant now, Duration lease, int limit, ClaimCaps caps) {
            synchronized (InMemoryMessageStore.this) {
                Map<ThreadKey, InboundRow> heads = new HashMap<>();
                Map<TenantId, Integer> held = new HashMap<>();
                Map<TenantId, Boolean> prompt = new HashMap<>();
                int[] othersTaken = {0};
                for (InboundRow row : inbound.values()) {
                    if (row.state == InboundState.RECEIVED) {
                        heads.merge(row.threadKey(), row, (a, b) -> InboundRow.ORDER.compare(a, b) <= 0 ? a : b);
                        if (row.leasedUntil != null && row.leasedUntil.isAfter(now)) {
                            held.merge(row.threadKey().tenantId(), 1, Integer::sum);
                        }
                    }
                }
                List<InboundRow> due = heads.values().stream()
                        .filter(r -> r.claimable(now))
                        .sorted(Comparator.comparing((InboundRow r) -> r.nextAttemptAt)
                                .thenComparing(r -> r.id))
                        .filter(r -> withinCaps(r.threadKey().tenantId(), caps, held, prompt, othersTaken))
                        .limit(limit)
                        .toList();
                due.forEach(r -> r.leasedUntil = now.plus(lease));
                return due.stream().map(InboundRow::pending).toList();
            }
        }

        /** Takes one more lease for {@code tenant} if its cap (and, for a tenant not prompt, the others' total) allow. */
        private boolean withinCaps(
                TenantId tenant,
                ClaimCaps caps,
                Map<TenantId, Integer> held,
                Map<TenantId, Boolean> prompt,
                int[] othersTaken) {
            boolean isPrompt = prompt.computeIfAbsent(tenant, caps.prompt()::test);
            int leases = held.getOrDefault(tenant, 0);
            if (leases >= caps.capFor(isPrompt) || (!isPrompt && othersTaken[0] >= caps.othersTotal())) {
                return false;
            }
            held.put(tenant, leases + 1);
            if (!isPrompt) {
                othersTaken[0]++;
            }
            return true;
        }

        @Override
        public void completeWith(long id, ReplyRoute route, List<OutboundContent> replyParts, Instant now) {
            synchronized (InMemoryMessageStore.this) {
                InboundRow row = inboundRow(id);
                if (row.state != InboundState.RECEIVED) {
                    throw new IllegalStateException("message " + id + " is " + row.state + ", not received");
                }
                row.state = InboundState.FORWARDED;
                row.leasedUntil = null;
                row.updatedAt = now;
                for (int i = 0; i < replyParts.size(); i++) {
                    PartRow part =
                            new PartRow(nextId++, ++sequence, row, route, replyParts.get(i), i, replyParts.size(), now);
                    parts.put(part.id, part);
                }
            }
        }

        @Override
        public void retryLater(long id, Instant nextAttemptAt, String error, Instant now) {
            synchronized (InMemoryMessageStore.this) {
                inboundRow(id).failedAttempt(error, now).nextAttemptAt = nextAttemptAt;
            }
        }

        @Override
        public void deadLetter(long id, String error, Instant now) {
            synchronized (InMemoryMessageStore.this) {
                inboundRow(id).failedAttempt(error, now).state = InboundState.DEAD;
            }
        }

        @Override
        public int releaseLeases() {
            synchronized (InMemoryMessageStore.this) {
                int released = 0;
                for (InboundRow row : inbound.values()) {
                    if (row.leasedUntil != null) {
                        row.leasedUntil = null;
                        released++;
                    }
                }
                return released;
            }
        }
    }

    /** The outbound queue view. */
    private final class Outbox implements OutboundQueue {
        @Override
        public List<PendingPart> claimDue(Instant now, Duration lease, int limit) {
            synchronized (InMemoryMessageStore.this) {
                Map<ThreadKey, PartRow> heads = new HashMap<>();
                for (PartRow part : parts.values()) {
                    if (part.state.equals(PartRow.PENDING)) {
                        heads.merge(new ThreadKey(part.tenantId, part.thread), part, (a, b) -> a.id <= b.id ? a : b);
                    }
                }
                List<PartRow> due = heads.values().stream()
                        .filter(p -> p.claimable(now))
                        .sorted(Comparator.comparing((PartRow p) -> p.nextAttemptAt)
                                .thenComparing(p -> p.id))
                        .limit(limit)
                        .toList();
                due.forEach(p -> p.leasedUntil = now.plus(lease));
                return due.stream().map(PartRow::pending).toList();
            }
        }

        @Override
        public void markAccepted(long partId, String providerMessageId, Instant now) {
            synchronized (InMemoryMessageStore.this) {
                PartRow part = partRow(partId);
                if (!part.state.equals(PartRow.PENDING) || part.providerMessageId.isPresent()) {
                    return;
                }
                part.accepted(providerMessageId, now);
                StatusUpdate early = earlyStatuses.remove(providerMessageId);
                if (early != null) {
                    part.advance(early, now);
                }
                markRepliedWhenAllAccepted(part.inboundId, now);
            }
        }

        @Override
        public void recordMediaId(long partId, String mediaId, Instant now) {
            synchronized (InMemoryMessageStore.this) {
                PartRow part = partRow(partId);
                if (part.state.equals(PartRow.PENDING)) {
                    part.mediaId = Optional.of(mediaId);
                    part.updatedAt = now;
                }
            }
        }

        @Override
        public void retryLater(long partId, Instant nextAttemptAt, String errorCode, Instant now) {
            synchronized (InMemoryMessageStore.this) {
                partRow(partId).failedAttempt(errorCode, Optional.empty(), now).nextAttemptAt = nextAttemptAt;
            }
        }

        @Override
        public void markFailed(long partId, String errorCode, String detail, Instant now) {
            synchronized (InMemoryMessageStore.this) {
                partRow(partId).failedAttempt(errorCode, Optional.of(detail), now).state = PartRow.FAILED;
            }
        }

        @Override
        public int releaseLeases() {
            synchronized (InMemoryMessageStore.this) {
                int released = 0;
                for (PartRow part : parts.values()) {
                    if (part.leasedUntil != null) {
                        part.leasedUntil = null;
                        released++;
                    }
                }
                return released;
            }
        }
    }
}
