package com.vendin.whatsapp.domain.status;

import com.vendin.whatsapp.domain.delivery.RetryPolicy;
import com.vendin.whatsapp.ports.delivery.TenantEndpoint;
import com.vendin.whatsapp.ports.status.NotifyOutcome;
import com.vendin.whatsapp.ports.status.NotifyTenantsOfStatuses;
import com.vendin.whatsapp.ports.status.StatusNotifier;
import com.vendin.whatsapp.ports.status.StatusOutbox;
import com.vendin.whatsapp.ports.status.TenantStatusEvent;
import com.vendin.whatsapp.ports.tenant.Tenant;
import com.vendin.whatsapp.ports.tenant.TenantRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Tells tenants when their outbound parts change state (CONTRACT §3.4): each queued event is posted to its
 * tenant with the delivery retry policy (§3); a 404 means the tenant does not want that part's statuses.
 */
public final class StatusNotificationService implements NotifyTenantsOfStatuses {
    /** How long a claimed event stays with one worker: longer than the 30 s call timeout. */
    public static final Duration LEASE = Duration.ofSeconds(90);

    private static final System.Logger LOG = System.getLogger(StatusNotificationService.class.getName());

    private final StatusOutbox outbox;
    private final TenantRepository tenants;
    private final StatusNotifier notifier;
    private final RetryPolicy retry;
    private final Clock clock;

    public StatusNotificationService(
            StatusOutbox outbox, TenantRepository tenants, StatusNotifier notifier, RetryPolicy retry, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<TenantStatusEvent> claimDue(int max) {
        return outbox.claimDue(clock.instant(), LEASE, max);
    }

    @Override
    public void notify(TenantStatusEvent event) {
        Optional<Tenant> tenant = tenants.findById(event.tenantId());
        if (tenant.isEmpty()) {
            outbox.markDead(event.id(), "tenant_not_found", clock.instant());
            return;
        }
        NotifyOutcome outcome = call(tenant.get(), event);
        Instant now = clock.instant();
        if (outcome instanceof NotifyOutcome.Accepted) {
            outbox.markDelivered(event.id(), now);
        } else if (outcome instanceof NotifyOutcome.Declined) {
            outbox.decline(event.id(), now);
        } else if (outcome instanceof NotifyOutcome.Retryable retryable) {
            int failed = event.attempts() + 1;
            if (retry.allowsRetryAfter(failed)) {
                outbox.retryLater(event.id(), now.plus(retry.delayAfter(failed)), retryable.reason(), now);
            } else {
                outbox.markDead(event.id(), retryable.reason(), now);
            }
        } else {
            outbox.markDead(event.id(), ((NotifyOutcome.Rejected) outcome).reason(), now);
        }
    }

    private NotifyOutcome call(Tenant tenant, TenantStatusEvent event) {
        TenantEndpoint endpoint = new TenantEndpoint(tenant.id(), tenant.instanceUrl(), tenant.instanceSecret());
        try {
            return notifier.notify(endpoint, event);
        } catch (RuntimeException e) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "posting a status to tenant " + tenant.id() + " failed unexpectedly",
                    e);
            return new NotifyOutcome.Retryable("internal_error: " + e.getClass().getSimpleName());
        }
    }
}
