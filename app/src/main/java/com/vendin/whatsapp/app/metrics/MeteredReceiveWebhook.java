package com.vendin.whatsapp.app.metrics;

import com.vendin.whatsapp.ports.inbound.BatchReceipt;
import com.vendin.whatsapp.ports.inbound.InboundBatch;
import com.vendin.whatsapp.ports.inbound.InboundMessage;
import com.vendin.whatsapp.ports.inbound.ReceiveWebhook;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts and logs (one line per webhook: message ids and outcomes) what {@link ReceiveWebhook} recorded. */
public final class MeteredReceiveWebhook implements ReceiveWebhook {
    private static final Logger LOG = LoggerFactory.getLogger(MeteredReceiveWebhook.class);

    private final ReceiveWebhook delegate;
    private final GatewayMetrics metrics;

    public MeteredReceiveWebhook(ReceiveWebhook delegate, GatewayMetrics metrics) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public BatchReceipt receive(InboundBatch batch) {
        BatchReceipt receipt = delegate.receive(batch);
        String provider = provider(batch);
        metrics.webhookMessages(provider, "accepted", receipt.accepted());
        metrics.webhookMessages(provider, "duplicate", receipt.duplicates());
        metrics.webhookMessages(provider, "unroutable", receipt.unroutable());
        metrics.webhookMessages(provider, "rate_limited", receipt.rateLimited());
        metrics.webhookStatuses(provider, receipt.statuses());
        metrics.routing("routed", receipt.accepted() + receipt.rateLimited());
        metrics.routing("unroutable", receipt.unroutable());
        LOG.info(
                "webhook {} messages=[{}] accepted={} duplicate={} unroutable={} rate_limited={} statuses={}",
                provider,
                batch.messages().stream().map(InboundMessage::providerMessageId).collect(Collectors.joining(",")),
                receipt.accepted(),
                receipt.duplicates(),
                receipt.unroutable(),
                receipt.rateLimited(),
                receipt.statuses());
        return receipt;
    }

    @Override
    public void acknowledged(InboundBatch batch, BatchReceipt receipt) {
        delegate.acknowledged(batch, receipt);
    }

    private static String provider(InboundBatch batch) {
        if (!batch.messages().isEmpty()) {
            return batch.messages().get(0).provider().wireName();
        }
        return batch.statuses().isEmpty()
                ? "unknown"
                : batch.statuses().get(0).provider().wireName();
    }
}
