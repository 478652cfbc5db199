package com.vendin.whatsapp.app.metrics;

import com.vendin.whatsapp.ports.delivery.ClaimCaps;
import com.vendin.whatsapp.ports.delivery.DeliveryQueue;
import com.vendin.whatsapp.ports.delivery.OutboundContent;
import com.vendin.whatsapp.ports.delivery.PendingDelivery;
import com.vendin.whatsapp.ports.delivery.ReplyRoute;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts what becomes of deliveries (forwarded, retried, dead-lettered) and times each answered one from
 * the moment its webhook was recorded, remembered from the claim (no extra query per delivery).
 */
public final class MeteredDeliveryQueue implements DeliveryQueue {
    private final DeliveryQueue delegate;
    private final GatewayMetrics metrics;
    /** When each claimed, not yet finished message was recorded; bounded by the messages in flight. */
    private final Map<Long, Instant> recordedAt = new ConcurrentHashMap<>();

    public MeteredDeliveryQueue(DeliveryQueue delegate, GatewayMetrics metrics) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public List<PendingDelivery> claimDue(Instant now, Duration lease, int limit, ClaimCaps caps) {
        List<PendingDelivery> claimed = delegate.claimDue(now, lease, limit, caps);
        claimed.forEach(d -> recordedAt.put(d.id(), d.recordedAt()));
        return claimed;
    }

    @Override
    public void completeWith(long id, ReplyRoute route, List<OutboundContent> replyParts, Instant now) {
        delegate.completeWith(id, route, replyParts, now);
        metrics.delivery("forwarded");
        Optional.ofNullable(recordedAt.remove(id)).ifPresent(at -> metrics.deliveryLatency(Duration.between(at, now)));
    }

    @Override
    public void retryLater(long id, Instant nextAttemptAt, String error, Instant now) {
        delegate.retryLater(id, nextAttemptAt, error, now);
        recordedAt.remove(id);
        metrics.delivery("retry");
        metrics.deliveryRetry();
    }

    @Override
    public void deadLetter(long id, String error, Instant now) {
        delegate.deadLetter(id, error, now);
        recordedAt.remove(id);
        metrics.delivery("dead_letter");
        metrics.deadLetter();
    }

    @Override
    public int releaseLeases() {
        return delegate.releaseLeases();
    }
}
