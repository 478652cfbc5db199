package com.vendin.whatsapp.app.metrics;

import com.vendin.whatsapp.ports.delivery.DeliveryQueue;
import com.vendin.whatsapp.ports.delivery.PendingDelivery;
import com.vendin.whatsapp.ports.delivery.ReplyRoute;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Counts what becomes of deliveries (forwarded, retried, dead-lettered) and times each answered one from
 * the moment its webhook was recorded.
 */
public final class MeteredDeliveryQueue implements DeliveryQueue {
    private final DeliveryQueue delegate;
    private final GatewayMetrics metrics;
    private final LongFunction<Optional<Instant>> recordedAt;

    /** {@code recordedAt} gives the time an inbound message (by queue id) was recorded. */
    public MeteredDeliveryQueue(DeliveryQueue delegate, GatewayMetrics metrics,
                                LongFunction<Optional<Instant>> recordedAt) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.recordedAt = Objects.requireNonNull(recordedAt, "recordedAt");
    }

    @Override
    public List<PendingDelivery> claimDue(Instant now, Duration lease, int limit, int perTenant) {
        return delegate.claimDue(now, lease, limit, perTenant);
    }

    @Override
    public void complete(long id, ReplyRoute route, List<String> replyParts, Instant now) {
        delegate.complete(id, route, replyParts, now);
        metrics.delivery("forwarded");
        recordedAt.apply(id).ifPresent(at -> metrics.deliveryLatency(Duration.between(at, now)));
    }

    @Override
    public void retryLater(long id, Instant nextAttemptAt, String error, Instant now) {
        delegate.retryLater(id, nextAttemptAt, error, now);
        metrics.delivery("retry");
        metrics.deliveryRetry();
    }

    @Override
    public void deadLetter(long id, String error, Instant now) {
        delegate.deadLetter(id, error, now);
        metrics.delivery("dead_letter");
        metrics.deadLetter();
    }

    @Override
    public int releaseLeases() {
        return delegate.releaseLeases();
    }
}
