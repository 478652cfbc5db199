package com.vendin.whatsapp.app.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/** The gateway's Prometheus meters, named in one place; the metered decorators count through it. */
public final class GatewayMetrics {
    private static final Duration MIN_LATENCY = Duration.ofMillis(5);
    private static final Duration MAX_LATENCY = Duration.ofMinutes(30);

    private final List<LongSupplier> counterSources = new ArrayList<>();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer deliveryLatency = Timer.builder("gateway_delivery_latency")
            .description("From the webhook being recorded to the tenant instance answering")
            .publishPercentileHistogram()
            .minimumExpectedValue(MIN_LATENCY)
            .maximumExpectedValue(MAX_LATENCY)
            .register(registry);

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    void webhookRequest(String provider, int status) {
        Counter.builder("gateway_webhook_requests")
                .description("Webhook requests by provider and HTTP status")
                .tag("provider", provider)
                .tag("status", Integer.toString(status))
                .register(registry)
                .increment();
    }

    void webhookMessages(String provider, String outcome, int count) {
        if (count > 0) {
            Counter.builder("gateway_webhook_messages")
                    .description("Inbound messages by provider and outcome")
                    .tag("provider", provider)
                    .tag("outcome", outcome)
                    .register(registry)
                    .increment(count);
        }
    }

    void webhookStatuses(String provider, int count) {
        if (count > 0) {
            Counter.builder("gateway_webhook_statuses")
                    .description("Delivery statuses received by provider")
                    .tag("provider", provider)
                    .register(registry)
                    .increment(count);
        }
    }

    void routing(String outcome, int count) {
        if (count > 0) {
            Counter.builder("gateway_routing")
                    .description("Routing outcomes of first-seen messages")
                    .tag("outcome", outcome)
                    .register(registry)
                    .increment(count);
        }
    }

    void delivery(String outcome) {
        Counter.builder("gateway_deliveries")
                .description("Calls to tenant instances by outcome")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    void deliveryRetry() {
        Counter.builder("gateway_delivery_retries")
                .description("Deliveries scheduled for another attempt")
                .register(registry)
                .increment();
    }

    void deadLetter() {
        Counter.builder("gateway_dead_letters")
                .description("Messages given up and dead-lettered")
                .register(registry)
                .increment();
    }

    void deliveryLatency(Duration latency) {
        deliveryLatency.record(latency.isNegative() ? Duration.ZERO : latency);
    }

    void send(String provider, String outcome) {
        Counter.builder("gateway_sends")
                .description("Reply parts sent to a provider, by outcome")
                .tag("provider", provider)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    void sendError(String provider, String code, boolean retryable) {
        Counter.builder("gateway_send_errors")
                .description("Provider refusals and failures by provider code")
                .tag("provider", provider)
                .tag("code", code)
                .tag("retryable", Boolean.toString(retryable))
                .register(registry)
                .increment();
        if (retryable) {
            Counter.builder("gateway_send_retries")
                    .description("Sends that will be tried again")
                    .tag("provider", provider)
                    .register(registry)
                    .increment();
        }
    }

    /** Registers a gauge read from {@code source} at each scrape (e.g. a queue depth counted in the database). */
    public void queueDepth(String queue, LongSupplier source) {
        Gauge.builder("gateway_queue_depth", source, s -> s.getAsLong())
                .description("Items waiting in a durable queue")
                .tag("queue", queue)
                .strongReference(true)
                .register(registry);
    }

    /** Registers a counter of committed write transactions for {@code purpose}, read from {@code source} at each scrape. */
    public void writeTransactions(String purpose, LongSupplier source) {
        FunctionCounter.builder("gateway_db_write_transactions", source, s -> s.getAsLong())
                .description("Write transactions committed, by what they were for")
                .tag("purpose", purpose)
                .register(registry);
        keep(source);
    }

    /** Registers a counter of database commits (on SQLite several write transactions share one), read at each scrape. */
    public void databaseCommits(LongSupplier source) {
        FunctionCounter.builder("gateway_db_commits", source, s -> s.getAsLong())
                .description("Database commits (on SQLite concurrent write transactions share one)")
                .register(registry);
        keep(source);
    }

    /** A function counter only holds its source weakly. */
    private synchronized void keep(LongSupplier source) {
        counterSources.add(source);
    }
}
