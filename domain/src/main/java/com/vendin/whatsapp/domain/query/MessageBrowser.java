package com.vendin.whatsapp.domain.query;

import com.vendin.whatsapp.domain.send.TenantMessageService;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.media.MediaLinks;
import com.vendin.whatsapp.ports.query.BrowseMessages;
import com.vendin.whatsapp.ports.query.InboundMedia;
import com.vendin.whatsapp.ports.query.MessageDetail;
import com.vendin.whatsapp.ports.query.MessageQueries;
import com.vendin.whatsapp.ports.query.MessageView;
import com.vendin.whatsapp.ports.query.ServiceWindow;
import com.vendin.whatsapp.ports.query.UnroutableView;
import com.vendin.whatsapp.ports.tenant.TenantId;
import com.vendin.whatsapp.ports.tenant.TenantRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Lists a tenant's messages and the unroutable ones for operators (CONTRACT §5.4), with limits kept to 1..500.
 * Each message of a customer's thread gets the thread's 24-hour window (§3.2) as of now, and each inbound media
 * item a fresh gateway link (§3.3) when links can be made.
 */
public final class MessageBrowser implements BrowseMessages {
    public static final int MAX_LIMIT = 500;

    private final TenantRepository tenants;
    private final MessageQueries queries;
    private final MediaLinks links;
    private final Clock clock;

    public MessageBrowser(TenantRepository tenants, MessageQueries queries) {
        this(tenants, queries, MediaLinks.NONE, Clock.systemUTC());
    }

    public MessageBrowser(TenantRepository tenants, MessageQueries queries, MediaLinks links, Clock clock) {
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.queries = Objects.requireNonNull(queries, "queries");
        this.links = Objects.requireNonNull(links, "links");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<MessageView> tenantMessages(TenantId tenantId, int limit) {
        if (tenants.findById(tenantId).isEmpty()) {
            throw GatewayRejection.notFound("tenant_not_found", "No tenant with id '" + tenantId + "'.");
        }
        Instant now = clock.instant();
        return queries.forTenant(tenantId, clamp(limit)).stream()
                .map(view -> complete(view, now))
                .toList();
    }

    @Override
    public List<UnroutableView> unroutable(int limit) {
        return queries.unroutable(clamp(limit));
    }

    private MessageView complete(MessageView view, Instant now) {
        MessageDetail detail = view.detail();
        Optional<ServiceWindow> window = detail.lastCustomerMessage().map(last -> window(last, now));
        Optional<InboundMedia> media = detail.media()
                .map(m -> m.url().isPresent() ? m : m.withUrl(m.reference().flatMap(links::linkFor)));
        return view.withDetail(detail.withWindow(window).withMedia(media));
    }

    /** Open while the customer's last message is less than 24 hours old, as the send API decides it. */
    static ServiceWindow window(Instant lastCustomerMessage, Instant now) {
        Instant until = lastCustomerMessage.plus(TenantMessageService.SERVICE_WINDOW);
        return new ServiceWindow(until, now.isBefore(until));
    }

    static int clamp(int limit) {
        return Math.max(1, Math.min(MAX_LIMIT, limit));
    }
}
