package com.vendin.whatsapp.domain.delivery;

import com.vendin.whatsapp.domain.routing.Router;
import com.vendin.whatsapp.ports.delivery.AgentOutcome;
import com.vendin.whatsapp.ports.delivery.AgentRequest;
import com.vendin.whatsapp.ports.delivery.DeliverToTenants;
import com.vendin.whatsapp.ports.delivery.DeliveryQueue;
import com.vendin.whatsapp.ports.delivery.MediaProbe;
import com.vendin.whatsapp.ports.delivery.OutboundContent;
import com.vendin.whatsapp.ports.delivery.PendingDelivery;
import com.vendin.whatsapp.ports.delivery.ReplyRoute;
import com.vendin.whatsapp.ports.delivery.TenantAgent;
import com.vendin.whatsapp.ports.delivery.TenantEndpoint;
import com.vendin.whatsapp.ports.delivery.WorkNotifier;
import com.vendin.whatsapp.ports.identity.SenderIds;
import com.vendin.whatsapp.ports.inbound.InboundMessage;
import com.vendin.whatsapp.ports.inbound.Role;
import com.vendin.whatsapp.ports.tenant.Tenant;
import com.vendin.whatsapp.ports.tenant.TenantRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Delivers claimed messages to their tenant instances (CONTRACT §3) and queues the reply to leave from
 * the number the message came in on; failed calls are retried with backoff, then dead-lettered.
 */
public final class DeliveryService implements DeliverToTenants {
    /** How long a claimed message stays with one worker: longer than the 30 s call timeout. */
    public static final Duration LEASE = Duration.ofSeconds(90);
    /**
     * How many messages one prompt tenant may have in flight at once; tenants that are not prompt get less (see
     * {@link FairShare}), so hanging tenants leave workers for the others.
     */
    public static final int DEFAULT_PER_TENANT_IN_FLIGHT = 8;
    /**
     * No media check of a rich reply starts later than this after the delivery began, so that the tenant call, the
     * checks (each at most 15 s, the adapter's probe timeout) and the commit stay within {@link #LEASE}: past the lease
     * another worker would call the tenant again and this worker's reply would be dropped, over and over.
     */
    public static final Duration MEDIA_CHECKS_DEADLINE = Duration.ofSeconds(60);
    /** The retry reason of a rich reply whose media could not all be checked in time. */
    static final String MEDIA_CHECKS_TOO_SLOW = "media_check_timeout: the reply's media URLs took longer than "
            + MEDIA_CHECKS_DEADLINE.toSeconds() + " s to check";
    /** How the last error of a delivery whose reply broke a rule of CONTRACT §3.1 starts. */
    public static final String INVALID_REPLY = "invalid_reply: ";

    private static final System.Logger LOG = System.getLogger(DeliveryService.class.getName());

    private final DeliveryQueue queue;
    private final TenantRepository tenants;
    private final TenantAgent agent;
    private final RetryPolicy retry;
    private final WorkNotifier notifier;
    private final Clock clock;
    private final FairShare share;
    private final MediaProbe media;
    private final TypingKeeper typing;

    public DeliveryService(
            DeliveryQueue queue,
            TenantRepository tenants,
            TenantAgent agent,
            RetryPolicy retry,
            WorkNotifier notifier,
            Clock clock) {
        this(queue, tenants, agent, retry, notifier, clock, DEFAULT_PER_TENANT_IN_FLIGHT);
    }

    public DeliveryService(
            DeliveryQueue queue,
            TenantRepository tenants,
            TenantAgent agent,
            RetryPolicy retry,
            WorkNotifier notifier,
            Clock clock,
            int perTenantInFlight) {
        this(
                queue,
                tenants,
                agent,
                retry,
                notifier,
                clock,
                perTenantInFlight,
                (provider, item) -> Optional.empty(),
                TypingKeeper.off());
    }

    /** With the same cap of {@code perTenantInFlight} for every tenant, whatever its pace. */
    public DeliveryService(
            DeliveryQueue queue,
            TenantRepository tenants,
            TenantAgent agent,
            RetryPolicy retry,
            WorkNotifier notifier,
            Clock clock,
            int perTenantInFlight,
            MediaProbe media,
            TypingKeeper typing) {
        this(queue, tenants, agent, retry, notifier, clock, FairShare.uniform(perTenantInFlight), media, typing);
    }

    /**
     * @param share  how many workers each tenant may hold, by its pace ({@link FairShare})
     * @param media  checks the media items of a rich reply before it is queued (CONTRACT §3.1)
     * @param typing shows "typing…" while the tenant call runs (CONTRACT §3.5)
     */
    public DeliveryService(
            DeliveryQueue queue,
            TenantRepository tenants,
            TenantAgent agent,
            RetryPolicy retry,
            WorkNotifier notifier,
            Clock clock,
            FairShare share,
            MediaProbe media,
            TypingKeeper typing) {
        this.media = Objects.requireNonNull(media, "media");
        this.typing = Objects.requireNonNull(typing, "typing");
        this.share = Objects.requireNonNull(share, "share");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.agent = Objects.requireNonNull(agent, "agent");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<PendingDelivery> claimDue(int max) {
        Instant now = clock.instant();
        List<PendingDelivery> claimed = queue.claimDue(now, LEASE, max, share.caps(now));
        share.claimed(claimed, now);
        return claimed;
    }

    @Override
    public void deliver(PendingDelivery delivery) {
        boolean answered = false;
        try {
            answered = attempt(delivery);
        } finally {
            share.finished(delivery, answered, clock.instant());
        }
    }

    /** One attempt; true when the tenant answered (a reply or a refusal), whatever became of the reply. */
    private boolean attempt(PendingDelivery delivery) {
        Instant started = clock.instant();
        Optional<Tenant> tenant = tenants.findById(delivery.tenantId());
        if (tenant.isEmpty()) {
            queue.deadLetter(delivery.id(), "tenant_not_found", clock.instant());
            return false;
        }
        ReplyRoute route = route(delivery);
        AgentOutcome outcome;
        try (TypingKeeper.Session shown =
                typing.start(route, tenant.get().whatsapp(), delivery.message().providerMessageId())) {
            outcome = call(tenant.get(), delivery);
        }
        Instant now = clock.instant();
        if (outcome instanceof AgentOutcome.Replied replied) {
            complete(delivery, route, replied, started, now);
        } else if (outcome instanceof AgentOutcome.Retryable) {
            retryOrGiveUp(delivery, ((AgentOutcome.Retryable) outcome).reason(), now);
            return false;
        } else {
            queue.deadLetter(delivery.id(), ((AgentOutcome.Rejected) outcome).reason(), now);
        }
        return true;
    }

    private AgentOutcome call(Tenant tenant, PendingDelivery delivery) {
        TenantEndpoint endpoint = new TenantEndpoint(tenant.id(), tenant.instanceUrl(), tenant.instanceSecret());
        try {
            return agent.deliver(endpoint, request(delivery));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "calling tenant " + tenant.id() + " failed unexpectedly", e);
            return new AgentOutcome.Retryable("internal_error: " + e.getClass().getSimpleName());
        }
    }

    static AgentRequest request(PendingDelivery delivery) {
        InboundMessage message = delivery.message();
        return new AgentRequest(
                message.providerMessageId(),
                delivery.tenantId(),
                delivery.phone(),
                delivery.role(),
                delivery.threadId(),
                message.content(),
                message.profileName(),
                message.providerTimestamp(),
                message.userId(),
                message.username());
    }

    private static ReplyRoute route(PendingDelivery delivery) {
        InboundMessage message = delivery.message();
        return new ReplyRoute(
                message.provider(), delivery.role() == Role.ADMIN, message.to().phoneId(), replyAddress(message));
    }

    private void complete(
            PendingDelivery delivery, ReplyRoute route, AgentOutcome.Replied replied, Instant started, Instant now) {
        if (!replied.items().isEmpty()) {
            completeRich(delivery, route, replied.items(), started);
            return;
        }
        List<String> parts = replied.text()
                .filter(t -> !t.isBlank())
                .map(t -> ReplySplitter.split(t, ReplySplitter.limitFor(route.provider())))
                .orElse(List.of());
        queue.complete(delivery.id(), route, parts, now);
        if (!parts.isEmpty()) {
            notifier.workAvailable();
        }
    }

    /** Checks every item (rules, then each media URL) before queuing any part: an invalid reply sends nothing. */
    private void completeRich(
            PendingDelivery delivery, ReplyRoute route, List<OutboundContent> items, Instant started) {
        RichReply.Prepared prepared = RichReply.prepare(items, route.provider());
        Optional<String> problem;
        try {
            problem = prepared instanceof RichReply.Invalid invalid
                    ? Optional.of(invalid.why())
                    : mediaProblem(items, route, started.plus(MEDIA_CHECKS_DEADLINE));
        } catch (OutOfTime e) {
            retryOrGiveUp(delivery, MEDIA_CHECKS_TOO_SLOW, clock.instant());
            return;
        }
        if (problem.isPresent()) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "tenant " + delivery.tenantId() + " answered message "
                            + delivery.message().providerMessageId() + " with an invalid reply: " + problem.get());
            queue.deadLetter(delivery.id(), INVALID_REPLY + problem.get(), clock.instant());
            return;
        }
        List<OutboundContent> parts = ((RichReply.Parts) prepared).parts();
        queue.completeWith(delivery.id(), route, parts, clock.instant());
        if (!parts.isEmpty()) {
            notifier.workAvailable();
        }
    }

    /** Thrown when a media check would start past its deadline: the delivery is retried, not judged. */
    private static final class OutOfTime extends Exception {
        OutOfTime() {
            super(null, null, false, false);
        }
    }

    private Optional<String> mediaProblem(List<OutboundContent> items, ReplyRoute route, Instant deadline)
            throws OutOfTime {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof OutboundContent.Media item) {
                if (!clock.instant().isBefore(deadline)) {
                    throw new OutOfTime();
                }
                Optional<String> problem;
                try {
                    problem = media.problem(route.provider(), item);
                } catch (RuntimeException e) {
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "checking media on " + item.url().getHost() + " failed unexpectedly",
                            e);
                    problem = Optional.of(
                            "the media could not be checked: " + e.getClass().getSimpleName());
                }
                if (problem.isPresent()) {
                    return Optional.of("message " + (i + 1) + " (" + item.type() + "): " + problem.get());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The sender as the provider spelled it when the message carried a readable phone, else its BSUID: a
     * reply to a person without a phone goes to the BSUID (Meta's {@code recipient}, CONTRACT §2.4).
     */
    static String replyAddress(InboundMessage message) {
        boolean phone = Router.senderIds(message).flatMap(SenderIds::phone).isPresent();
        return phone ? message.from() : message.userId().orElse(message.from());
    }

    private void retryOrGiveUp(PendingDelivery delivery, String reason, Instant now) {
        int failed = delivery.attempts() + 1;
        if (retry.allowsRetryAfter(failed)) {
            queue.retryLater(delivery.id(), now.plus(retry.delayAfter(failed)), reason, now);
        } else {
            queue.deadLetter(delivery.id(), reason, now);
        }
    }
}
