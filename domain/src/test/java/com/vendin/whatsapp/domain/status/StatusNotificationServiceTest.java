package com.vendin.whatsapp.domain.status;

import static com.vendin.whatsapp.domain.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.domain.Fixtures;
import com.vendin.whatsapp.domain.delivery.RetryPolicy;
import com.vendin.whatsapp.ports.inbound.DeliveryStatus;
import com.vendin.whatsapp.ports.status.NotifyOutcome;
import com.vendin.whatsapp.ports.status.StatusOutbox;
import com.vendin.whatsapp.ports.status.TenantStatusEvent;
import com.vendin.whatsapp.ports.tenant.TenantId;
import com.vendin.whatsapp.ports.testing.InMemoryTenants;
import com.vendin.whatsapp.ports.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class StatusNotificationServiceTest {
    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryTenants tenants = new InMemoryTenants();
    private final List<String> outbox = new ArrayList<>();

    private StatusNotificationService service(Supplier<NotifyOutcome> answer, int maxAttempts) {
        tenants.insert(Fixtures.tenant("moda", Optional.empty()));
        StatusOutbox recording = new StatusOutbox() {
            @Override
            public List<TenantStatusEvent> claimDue(Instant now, Duration lease, int limit) {
                return List.of();
            }

            @Override
            public void markDelivered(long eventId, Instant now) {
                outbox.add("delivered " + eventId);
            }

            @Override
            public void retryLater(long eventId, Instant nextAttemptAt, String error, Instant now) {
                outbox.add("retry " + eventId + " in "
                        + Duration.between(now, nextAttemptAt).toMillis() + " ms: " + error);
            }

            @Override
            public void markDead(long eventId, String error, Instant now) {
                outbox.add("dead " + eventId + ": " + error);
            }

            @Override
            public void decline(long eventId, Instant now) {
                outbox.add("declined " + eventId);
            }

            @Override
            public int releaseLeases() {
                return 0;
            }
        };
        return new StatusNotificationService(
                recording, tenants, (endpoint, event) -> answer.get(), new RetryPolicy(maxAttempts, () -> 1.0), clock);
    }

    private static TenantStatusEvent event(String tenant, int attempts) {
        return new TenantStatusEvent(
                7,
                new TenantId(tenant),
                "out-3",
                Optional.of("wamid.1"),
                DeliveryStatus.READ,
                Optional.empty(),
                T0,
                attempts);
    }

    @Test
    void givenTenantAcceptsWhenNotifiedThenDelivered() {
        service(NotifyOutcome.Accepted::new, 8).notify(event("moda", 0));

        assertThat(outbox).containsExactly("delivered 7");
    }

    @Test
    void givenTenantFailsRetryablyWhenNotifiedThenRetriedWithTheDeliveryBackoffUntilTheLastAttempt() {
        StatusNotificationService service = service(() -> new NotifyOutcome.Retryable("tenant answered HTTP 500"), 3);

        service.notify(event("moda", 0));
        service.notify(event("moda", 1));
        service.notify(event("moda", 2));

        assertThat(outbox)
                .containsExactly(
                        "retry 7 in 3000 ms: tenant answered HTTP 500",
                        "retry 7 in 6000 ms: tenant answered HTTP 500",
                        "dead 7: tenant answered HTTP 500");
    }

    @Test
    void givenTenantAnswers404WhenNotifiedThenThePartIsDeclined() {
        service(NotifyOutcome.Declined::new, 8).notify(event("moda", 0));

        assertThat(outbox).containsExactly("declined 7");
    }

    @Test
    void givenTenantRejectsOrIsGoneWhenNotifiedThenDeadAtOnce() {
        StatusNotificationService service = service(() -> new NotifyOutcome.Rejected("tenant answered HTTP 400"), 8);

        service.notify(event("moda", 0));
        service.notify(event("gone", 0));

        assertThat(outbox).containsExactly("dead 7: tenant answered HTTP 400", "dead 7: tenant_not_found");
    }
}
