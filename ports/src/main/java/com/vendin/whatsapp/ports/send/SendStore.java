package com.vendin.whatsapp.ports.send;

import com.vendin.whatsapp.ports.delivery.OutboundContent;
import com.vendin.whatsapp.ports.delivery.ReplyRoute;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where tenant-initiated sends are recorded: their parts go into the outbound queue (no inbound message), and
 * an idempotency key with its receipt is kept, per tenant, so that a repeated request sends nothing again.
 */
public interface SendStore {

    /** The provider timestamp of the newest customer message of {@code threadId} to {@code tenantId}, if any. */
    Optional<Instant> lastCustomerMessage(TenantId tenantId, String threadId);

    /** Whether {@code providerMessageId} is an inbound message recorded for {@code tenantId}. */
    boolean hasInbound(TenantId tenantId, String providerMessageId);

    /** The receipt kept for this tenant's {@code idempotencyKey} if it was recorded at or after {@code notBefore}. */
    Optional<SendReceipt> findByKey(TenantId tenantId, String idempotencyKey, Instant notBefore);

    /**
     * Queues the parts in one transaction and returns their receipt. With an idempotency key, the key is claimed
     * in that same transaction (keys recorded before {@code keyNotBefore} are forgotten first): when another
     * request holds it, nothing is queued and that request's receipt is returned, also when the two run at
     * the same time on different gateway processes.
     */
    SendReceipt queue(QueuedSend send);

    /** One part to queue: what it sends (CONTRACT §3.1 items, checked and split like a reply's parts). */
    record QueuedPart(OutboundContent content) {
        public QueuedPart {
            Objects.requireNonNull(content, "content");
        }

        /** The part's text for listings ({@link OutboundContent#summary()}). */
        public String text() {
            return content.summary();
        }
    }

    /** A send to queue: the thread its parts join, how they leave, and what to remember. */
    record QueuedSend(
            String sendId,
            TenantId tenantId,
            String threadId,
            ReplyRoute route,
            List<QueuedPart> parts,
            Optional<String> replyTo,
            Optional<String> idempotencyKey,
            Instant now,
            Instant keyNotBefore) {
        public QueuedSend {
            Objects.requireNonNull(sendId, "sendId");
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(threadId, "threadId");
            Objects.requireNonNull(route, "route");
            parts = List.copyOf(parts);
            if (parts.isEmpty()) {
                throw new IllegalArgumentException("a send has at least one part");
            }
            Objects.requireNonNull(replyTo, "replyTo");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
            Objects.requireNonNull(now, "now");
            Objects.requireNonNull(keyNotBefore, "keyNotBefore");
        }
    }
}
