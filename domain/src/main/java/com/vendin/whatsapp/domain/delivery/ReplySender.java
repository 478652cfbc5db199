package com.vendin.whatsapp.domain.delivery;

import com.vendin.whatsapp.domain.PlatformAccount;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.delivery.MediaUploader;
import com.vendin.whatsapp.ports.delivery.OutboundContent;
import com.vendin.whatsapp.ports.delivery.OutboundMessage;
import com.vendin.whatsapp.ports.delivery.OutboundQueue;
import com.vendin.whatsapp.ports.delivery.OutboundText;
import com.vendin.whatsapp.ports.delivery.PartCorrelation;
import com.vendin.whatsapp.ports.delivery.PendingPart;
import com.vendin.whatsapp.ports.delivery.SendOutcome;
import com.vendin.whatsapp.ports.delivery.SendReplies;
import com.vendin.whatsapp.ports.delivery.SenderAccount;
import com.vendin.whatsapp.ports.delivery.WhatsAppSender;
import com.vendin.whatsapp.ports.tenant.NumberStatus;
import com.vendin.whatsapp.ports.tenant.Tenant;
import com.vendin.whatsapp.ports.tenant.TenantRepository;
import com.vendin.whatsapp.ports.tenant.WhatsAppNumber;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Sends claimed reply parts through the provider from the number the message came in on (CONTRACT §4);
 * retryable failures wait and try again, others are recorded as failed, and Meta code 190 on a
 * store's own token marks its number as needing re-authorisation.
 */
public final class ReplySender implements SendReplies {
    /**
     * How long a claimed part stays with one worker: longer than a provider call may take (30 s), and, after a
     * crash, the window in which the provider's statuses (which carry the part's correlation id) can record a
     * send whose answer was lost before the part is sent again.
     */
    public static final Duration LEASE = Duration.ofSeconds(40);

    static final String REAUTH_CODE = "190";
    /** The error code of a media part whose file turned out unfit when it was uploaded (CONTRACT §3.1). */
    static final String INVALID_MEDIA = "invalid_reply";

    private static final System.Logger LOG = System.getLogger(ReplySender.class.getName());

    private final OutboundQueue queue;
    private final TenantRepository tenants;
    private final WhatsAppSender sender;
    private final SenderAccounts accounts;
    private final RetryPolicy retry;
    private final Clock clock;
    private final MediaUploader uploader;

    public ReplySender(
            OutboundQueue queue,
            TenantRepository tenants,
            WhatsAppSender sender,
            PlatformAccount platform,
            RetryPolicy retry,
            Clock clock) {
        this(
                queue,
                tenants,
                sender,
                platform,
                retry,
                clock,
                (from, media) -> new MediaUploader.Failed(
                        new SendOutcome.Failed("not_configured", "no media uploader", false, false)));
    }

    /** @param uploader uploads a media part's file to Meta before its first send (CONTRACT §3.1) */
    public ReplySender(
            OutboundQueue queue,
            TenantRepository tenants,
            WhatsAppSender sender,
            PlatformAccount platform,
            RetryPolicy retry,
            Clock clock,
            MediaUploader uploader) {
        this.uploader = Objects.requireNonNull(uploader, "uploader");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.accounts = new SenderAccounts(platform);
        this.retry = Objects.requireNonNull(retry, "retry");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<PendingPart> claimDue(int max) {
        return queue.claimDue(clock.instant(), LEASE, max);
    }

    @Override
    public void send(PendingPart part) {
        Optional<WhatsAppNumber> storeNumber = Optional.empty();
        Optional<Tenant> tenant = Optional.empty();
        if (!part.route().viaPlatform()) {
            tenant = tenants.findById(part.tenantId());
            if (tenant.isEmpty()) {
                queue.markFailed(part.id(), "tenant_not_found", "the tenant was deleted", clock.instant());
                return;
            }
            storeNumber = tenant.get().whatsapp();
            if (storeNumber
                    .filter(n -> n.status() == NumberStatus.REAUTH_REQUIRED)
                    .isPresent()) {
                queue.markFailed(part.id(), REAUTH_CODE, "reauth_required", clock.instant());
                return;
            }
        }
        Optional<SenderAccounts.Resolved> from = accounts.resolve(part.route(), storeNumber);
        if (from.isEmpty()) {
            queue.markFailed(
                    part.id(),
                    "not_configured",
                    "no " + part.route().provider().wireName() + " number or credentials to send from",
                    clock.instant());
            return;
        }
        Optional<String> mediaId = part.mediaId();
        if (needsUpload(part)) {
            MediaUploader.Outcome upload = uploadOnce(from.get().account(), (OutboundContent.Media) part.content());
            if (upload instanceof MediaUploader.Invalid invalid) {
                queue.markFailed(
                        part.id(), INVALID_MEDIA, DeliveryService.INVALID_REPLY + invalid.why(), clock.instant());
                return;
            }
            if (upload instanceof MediaUploader.Failed failed) {
                record(part, from.get(), tenant, failed.failure());
                return;
            }
            String id = ((MediaUploader.Uploaded) upload).mediaId();
            queue.recordMediaId(part.id(), id, clock.instant());
            mediaId = Optional.of(id);
        }
        SendOutcome outcome = sendOnce(part, from.get().account(), mediaId);
        record(part, from.get(), tenant, outcome);
    }

    /** A media part on Meta goes by the id of a file uploaded first (CONTRACT §3.1), once per part. */
    private static boolean needsUpload(PendingPart part) {
        return part.content() instanceof OutboundContent.Media
                && part.route().provider() == Provider.FACEBOOK
                && part.mediaId().isEmpty();
    }

    private MediaUploader.Outcome uploadOnce(SenderAccount from, OutboundContent.Media media) {
        try {
            return uploader.upload(from, media);
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "uploading media from " + media.url().getHost() + " through " + from + " failed unexpectedly",
                    e);
            return new MediaUploader.Failed(
                    new SendOutcome.Failed("internal_error", e.getClass().getSimpleName(), true, false));
        }
    }

    private SendOutcome sendOnce(PendingPart part, SenderAccount from, Optional<String> mediaId) {
        Optional<String> correlation = Optional.of(PartCorrelation.of(part.id()));
        try {
            if (part.content() instanceof OutboundContent.Text) {
                return sender.send(new OutboundText(from, part.route().to(), part.text(), correlation));
            }
            return sender.send(new OutboundMessage(from, part.route().to(), part.content(), mediaId, correlation));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "sending through " + from + " failed unexpectedly", e);
            return new SendOutcome.Failed("internal_error", e.getClass().getSimpleName(), true, false);
        }
    }

    private void record(PendingPart part, SenderAccounts.Resolved from, Optional<Tenant> tenant, SendOutcome outcome) {
        Instant now = clock.instant();
        if (outcome instanceof SendOutcome.Accepted) {
            queue.markAccepted(part.id(), ((SendOutcome.Accepted) outcome).providerMessageId(), now);
            return;
        }
        SendOutcome.Failed failed = (SendOutcome.Failed) outcome;
        if (failed.reauthRequired()) {
            markReauthRequired(from, tenant);
        }
        int attempts = part.attempts() + 1;
        if (failed.retryable() && retry.allowsRetryAfter(attempts)) {
            queue.retryLater(part.id(), now.plus(retry.delayAfter(attempts)), failed.code(), now);
        } else {
            queue.markFailed(part.id(), failed.code(), failed.detail(), now);
        }
    }

    /** Only if the tenant is unchanged since its token was read: a token set meanwhile stays {@code active}. */
    private void markReauthRequired(SenderAccounts.Resolved from, Optional<Tenant> tenant) {
        if (!from.tenantCredentials() || tenant.isEmpty()) {
            LOG.log(
                    System.Logger.Level.ERROR,
                    "the platform's own credentials were refused (" + from.account() + "): renew them");
            return;
        }
        Tenant seen = tenant.get();
        if (!tenants.markReauthRequired(seen.id(), seen.updatedAt(), clock.instant())) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "tenant " + seen.id() + " changed while a send with its old token failed"
                            + " with code 190; its number stays as it is now");
        }
    }
}
