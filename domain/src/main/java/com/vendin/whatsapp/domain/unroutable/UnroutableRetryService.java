package com.vendin.whatsapp.domain.unroutable;

import com.vendin.whatsapp.domain.routing.Router;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.delivery.WorkNotifier;
import com.vendin.whatsapp.ports.inbound.InboundMessage;
import com.vendin.whatsapp.ports.inbound.RoutingDecision;
import com.vendin.whatsapp.ports.unroutable.RetryUnroutable;
import com.vendin.whatsapp.ports.unroutable.UnroutableStore;
import java.time.Clock;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Routes a recorded unroutable message again with today's tenants and admin phones; when it routes, the same
 * record (same provider message id) becomes a {@code received} message and the delivery workers are woken.
 * An operator's retry is not rate-limited: the limit counts what senders send, and this one was counted as
 * unroutable when it arrived.
 */
public final class UnroutableRetryService implements RetryUnroutable {
    private static final Pattern ID = Pattern.compile("(?:in-)?([0-9]{1,18})");

    private final UnroutableStore store;
    private final Router router;
    private final WorkNotifier notifier;
    private final Clock clock;

    public UnroutableRetryService(UnroutableStore store, Router router, WorkNotifier notifier, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.router = Objects.requireNonNull(router, "router");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Rerouted retry(String id) {
        OptionalLong inboundId = parse(id);
        if (inboundId.isEmpty()) {
            throw notFound(id);
        }
        InboundMessage message = store.find(inboundId.getAsLong()).orElseThrow(() -> notFound(id));
        RoutingDecision decision = router.route(message);
        if (decision instanceof RoutingDecision.Unroutable unroutable) {
            throw GatewayRejection.conflict(
                    "still_unroutable",
                    "Message " + id + " still matches no tenant ("
                            + unroutable.reason().wireName() + ").");
        }
        RoutingDecision.Routed routed = (RoutingDecision.Routed) decision;
        if (!store.route(inboundId.getAsLong(), routed, clock.instant())) {
            throw notFound(id);
        }
        notifier.workAvailable();
        return new Rerouted(
                "in-" + inboundId.getAsLong(),
                message.providerMessageId(),
                routed.tenantId(),
                routed.role(),
                routed.threadId());
    }

    private static GatewayRejection notFound(String id) {
        return GatewayRejection.notFound("unroutable_not_found", "No unroutable message has the id " + id + ".");
    }

    private static OptionalLong parse(String id) {
        Matcher m = ID.matcher(id == null ? "" : id.trim());
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }
}
