package com.vendin.whatsapp.ports.testing;

import com.vendin.whatsapp.ports.delivery.OutboundContent;
import com.vendin.whatsapp.ports.delivery.PendingPart;
import com.vendin.whatsapp.ports.delivery.ReplyRoute;
import com.vendin.whatsapp.ports.inbound.DeliveryStatus;
import com.vendin.whatsapp.ports.inbound.StatusUpdate;
import com.vendin.whatsapp.ports.query.MessageDetail;
import com.vendin.whatsapp.ports.query.MessageView;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One reply part inside {@link InMemoryMessageStore}; guarded by the store's lock. */
final class PartRow {
    static final String PENDING = "pending";
    static final String FAILED = "failed";
    private static final List<String> RANKS = List.of(PENDING, "sent", "delivered", "read", FAILED);

    final long id;
    final long seq;
    final long inboundId;
    final TenantId tenantId;
    final String thread;
    final ReplyRoute route;
    final String text;
    final OutboundContent content;
    Optional<String> mediaId = Optional.empty();
    final int partIndex;
    final int partCount;
    final Instant createdAt;
    String state = PENDING;
    int attempts;
    Instant nextAttemptAt;
    Instant leasedUntil;
    Optional<String> providerMessageId = Optional.empty();
    Optional<String> errorCode = Optional.empty();
    Optional<String> errorDetail = Optional.empty();
    Instant updatedAt;

    PartRow(
            long id,
            long seq,
            InboundRow inbound,
            ReplyRoute route,
            OutboundContent content,
            int partIndex,
            int partCount,
            Instant now) {
        this.id = id;
        this.seq = seq;
        this.inboundId = inbound.id;
        InMemoryMessageStore.ThreadKey key = inbound.threadKey();
        this.tenantId = key.tenantId();
        this.thread = key.thread();
        this.route = route;
        this.text = content.summary();
        this.content = content;
        this.partIndex = partIndex;
        this.partCount = partCount;
        this.createdAt = now;
        this.updatedAt = now;
        this.nextAttemptAt = now;
    }

    boolean claimable(Instant now) {
        return !nextAttemptAt.isAfter(now) && (leasedUntil == null || !leasedUntil.isAfter(now));
    }

    PartRow failedAttempt(String code, Optional<String> detail, Instant now) {
        attempts++;
        errorCode = Optional.of(code);
        errorDetail = detail;
        leasedUntil = null;
        updatedAt = now;
        return this;
    }

    void accepted(String providerId, Instant now) {
        providerMessageId = Optional.of(providerId);
        state = "sent";
        leasedUntil = null;
        updatedAt = now;
    }

    /** Moves the state forward only; {@code failed} is final. */
    void advance(StatusUpdate status, Instant now) {
        String next = status.status().wireName();
        if (state.equals(FAILED) || RANKS.indexOf(next) <= RANKS.indexOf(state)) {
            return;
        }
        state = next;
        if (status.status() == DeliveryStatus.FAILED) {
            errorCode = status.errorCode();
            errorDetail = status.errorTitle();
        }
        updatedAt = now;
    }

    PendingPart pending() {
        return new PendingPart(id, inboundId, tenantId, route, text, partIndex, partCount, attempts, content, mediaId);
    }

    InMemoryMessageStore.StoredPart snapshot() {
        return new InMemoryMessageStore.StoredPart(
                id,
                inboundId,
                tenantId,
                thread,
                route,
                text,
                partIndex,
                partCount,
                state,
                attempts,
                nextAttemptAt,
                Optional.ofNullable(leasedUntil),
                providerMessageId,
                errorCode,
                errorDetail);
    }

    MessageView view(InboundRow inbound) {
        return new MessageView(
                "out-" + id,
                "outbound",
                inbound.message.to().number(),
                route.to(),
                content.type(),
                text,
                state,
                providerMessageId,
                inbound.routed().map(r -> r.role().wireName()),
                Optional.of(thread),
                Optional.of(inbound.message.providerMessageId()),
                errorCode,
                attempts,
                Optional.empty(),
                createdAt,
                updatedAt,
                inbound.message.userId(),
                inbound.message.username(),
                MessageDetail.NONE.withContent(Optional.of(content)));
    }
}
