package com.vendin.whatsapp.app.metrics;

import com.vendin.whatsapp.ports.delivery.OutboundMessage;
import com.vendin.whatsapp.ports.delivery.OutboundText;
import com.vendin.whatsapp.ports.delivery.SendOutcome;
import com.vendin.whatsapp.ports.delivery.WhatsAppSender;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts sends by outcome and errors by provider code, and logs one line per send (never a credential). */
public final class MeteredSender implements WhatsAppSender {
    private static final Logger LOG = LoggerFactory.getLogger(MeteredSender.class);

    private final WhatsAppSender delegate;
    private final GatewayMetrics metrics;

    public MeteredSender(WhatsAppSender delegate, GatewayMetrics metrics) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public SendOutcome send(OutboundText message) {
        SendOutcome outcome = delegate.send(message);
        String provider = message.from().provider().wireName();
        if (outcome instanceof SendOutcome.Accepted accepted) {
            metrics.send(provider, "accepted");
            LOG.info(
                    "send {} from={} to={} outcome=accepted message_id={} chars={}",
                    provider,
                    message.from(),
                    message.to(),
                    accepted.providerMessageId(),
                    message.text().length());
        } else {
            SendOutcome.Failed failed = (SendOutcome.Failed) outcome;
            metrics.send(provider, "failed");
            metrics.sendError(provider, failed.code(), failed.retryable());
            LOG.warn(
                    "send {} from={} to={} outcome=failed code={} retryable={} chars={}",
                    provider,
                    message.from(),
                    message.to(),
                    failed.code(),
                    failed.retryable(),
                    message.text().length());
        }
        return outcome;
    }

    /** A reply part of any kind: counted like a text; its log line names its type. */
    @Override
    public SendOutcome send(OutboundMessage message) {
        SendOutcome outcome = delegate.send(message);
        String provider = message.from().provider().wireName();
        if (outcome instanceof SendOutcome.Accepted accepted) {
            metrics.send(provider, "accepted");
            LOG.info(
                    "send {} from={} to={} outcome=accepted message_id={} type={}",
                    provider,
                    message.from(),
                    message.to(),
                    accepted.providerMessageId(),
                    message.content().type());
        } else {
            SendOutcome.Failed failed = (SendOutcome.Failed) outcome;
            metrics.send(provider, "failed");
            metrics.sendError(provider, failed.code(), failed.retryable());
            LOG.warn(
                    "send {} from={} to={} outcome=failed code={} retryable={} type={}",
                    provider,
                    message.from(),
                    message.to(),
                    failed.code(),
                    failed.retryable(),
                    message.content().type());
        }
        return outcome;
    }
}
