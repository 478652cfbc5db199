package com.vendin.whatsapp.domain.delivery;

import static com.vendin.whatsapp.domain.Fixtures.PLATFORM_PHONE_ID;
import static com.vendin.whatsapp.domain.Fixtures.meta;
import static com.vendin.whatsapp.domain.Fixtures.metaNumber;
import static com.vendin.whatsapp.domain.Fixtures.tenant;
import static com.vendin.whatsapp.domain.Fixtures.twilio;
import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.domain.Fixtures;
import com.vendin.whatsapp.domain.phone.PhoneNumbers;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.delivery.AgentOutcome;
import com.vendin.whatsapp.ports.delivery.AgentRequest;
import com.vendin.whatsapp.ports.delivery.PendingDelivery;
import com.vendin.whatsapp.ports.delivery.ReplyRoute;
import com.vendin.whatsapp.ports.inbound.InboundMessage;
import com.vendin.whatsapp.ports.inbound.InboundState;
import com.vendin.whatsapp.ports.inbound.InboxEntry;
import com.vendin.whatsapp.ports.inbound.Role;
import com.vendin.whatsapp.ports.inbound.RoutingDecision.Routed;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.TenantId;
import com.vendin.whatsapp.ports.testing.InMemoryMessageStore;
import com.vendin.whatsapp.ports.testing.InMemoryMessageStore.StoredInbound;
import com.vendin.whatsapp.ports.testing.InMemoryMessageStore.StoredPart;
import com.vendin.whatsapp.ports.testing.InMemoryTenants;
import com.vendin.whatsapp.ports.testing.MutableClock;
import com.vendin.whatsapp.ports.testing.RecordingTenantAgent;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeliveryServiceTest {
    private static final TenantId MODA = new TenantId("moda-brasil");
    private static final String STORE_PHONE_ID = "200000000000002";
    private static final PhoneNumber ANA = new PhoneNumber("+5511988887777");

    private final MutableClock clock = new MutableClock(Fixtures.T0);
    private final InMemoryTenants tenants = new InMemoryTenants();
    private final InMemoryMessageStore store = new InMemoryMessageStore(clock);
    private final RecordingTenantAgent agent = new RecordingTenantAgent();
    private final AtomicInteger wakeUps = new AtomicInteger();
    private final DeliveryService service = new DeliveryService(
            store.deliveryQueue(), tenants, agent, new RetryPolicy(8, () -> 0.0), wakeUps::incrementAndGet, clock);

    @BeforeEach
    void oneStore() {
        tenants.insert(
                tenant("moda-brasil", Optional.of(metaNumber("+5511999991111", STORE_PHONE_ID, Optional.empty()))));
    }

    @Test
    void customerMessageReachesTheTenantAndItsReplyIsQueuedFromTheStoreNumber() {
        InboundMessage message = meta("wamid.A", "551188887777", STORE_PHONE_ID, "5511999991111");
        enqueue(message, Role.CUSTOMER);
        agent.thenReply("Temos sim!");

        deliverAllDue();

        AgentRequest request = agent.requests().get(0);
        assertThat(request)
                .isEqualTo(new AgentRequest(
                        "wamid.A",
                        MODA,
                        ANA,
                        Role.CUSTOMER,
                        "+5511988887777",
                        message.content(),
                        Optional.of("Ana"),
                        message.providerTimestamp()));
        assertThat(agent.calls().get(0).endpoint().instanceUrl())
                .isEqualTo(URI.create("http://moda-brasil.internal:3000"));
        assertThat(stored("wamid.A").state()).isEqualTo(InboundState.FORWARDED);
        assertThat(store.parts()).singleElement().satisfies(part -> {
            assertThat(part.text()).isEqualTo("Temos sim!");
            assertThat(part.route())
                    .isEqualTo(new ReplyRoute(Provider.FACEBOOK, false, Optional.of(STORE_PHONE_ID), "551188887777"));
        });
        assertThat(wakeUps).hasValue(1);
    }

    @Test
    void adminMessageReplyIsQueuedFromThePlatformNumber() {
        enqueue(meta("wamid.A", "5511988887777", PLATFORM_PHONE_ID, "5511940041111"), Role.ADMIN);
        agent.thenReply("Vendas de hoje: 12");

        deliverAllDue();

        assertThat(agent.requests().get(0).role()).isEqualTo(Role.ADMIN);
        assertThat(store.parts())
                .singleElement()
                .extracting(StoredPart::route)
                .isEqualTo(new ReplyRoute(Provider.FACEBOOK, true, Optional.of(PLATFORM_PHONE_ID), "5511988887777"));
    }

    @Test
    void longReplyIsSplitByTheLimitOfTheProviderItCameFrom() {
        enqueue(meta("wamid.A", "5511988887777", STORE_PHONE_ID, "x"), Role.CUSTOMER);
        enqueue(twilio("SM1", "+5521977776666", "+5511999991111"), Role.CUSTOMER);
        String reply = "Uma frase curta aqui. ".repeat(250);
        agent.otherwise(new AgentOutcome.Replied(Optional.of(reply)));

        deliverAllDue();

        assertThat(store.parts())
                .filteredOn(p -> p.route().provider() == Provider.FACEBOOK)
                .hasSize(2)
                .allSatisfy(p -> assertThat(p.text().length()).isLessThanOrEqualTo(4096));
        assertThat(store.parts())
                .filteredOn(p -> p.route().provider() == Provider.TWILIO)
                .hasSize(4)
                .allSatisfy(p -> {
                    assertThat(p.text().length()).isLessThanOrEqualTo(1600);
                    assertThat(p.route().to()).isEqualTo("whatsapp:+5521977776666");
                    assertThat(p.route().fromPhoneId()).isEmpty();
                });
    }

    @Test
    void emptyOrBlankReplyForwardsWithoutQueuingAnything() {
        enqueue(meta("wamid.A", "5511988887777", STORE_PHONE_ID, "x"), Role.CUSTOMER);
        enqueue(meta("wamid.B", "5521977776666", STORE_PHONE_ID, "x"), Role.CUSTOMER);
        agent.thenNoReply().thenReply("  \n ");

        deliverAllDue();

        assertThat(stored("wamid.A").state()).isEqualTo(InboundState.FORWARDED);
        assertThat(stored("wamid.B").state()).isEqualTo(InboundState.FORWARDED);
        assertThat(store.parts()).isEmpty();
        assertThat(wakeUps).hasValue(0);
    }

    @Test
    void unavailableTenantIsRetriedWithGrowingDelays() {
        enqueue(meta("wamid.A", "5511988887777", STORE_PHONE_ID, "x"), Role.CUSTOMER);
        agent.otherwise(new AgentOutcome.Retryable("http_503"));

        deliverAllDue();
        StoredInbound afterFirst = stored("wamid.A");
        clock.advance(Duration.ofMillis(2_249));
        List<PendingDelivery> tooEarly = service.claimDue(10);
        clock.advance(Duration.ofMillis(1));
        deliverAllDue();

        assertThat(afterFirst.state()).isEqualTo(InboundState.RECEIVED);
        assertThat(afterFirst.attempts()).isEqualTo(1);
        assertThat(afterFirst.lastError()).contains("http_503");
        assertThat(afterFirst.nextAttemptAt()).isEqualTo(Fixtures.T0.plusMillis(2_250));
        assertThat(tooEarly).isEmpty();
        assertThat(stored("wamid.A").nextAttemptAt()).isEqualTo(clock.instant().plusMillis(4_500));
        assertThat(agent.calls()).hasSize(2);
    }

    @Test
    void messageIsDeadLetteredWhenTheEighthAttemptFails() {
        enqueue(meta("wamid.A", "5511988887777", STORE_PHONE_ID, "x"), Role.CUSTOMER);
        agent.otherwise(new AgentOutcome.Retryable("timeout"));

        for (int i = 0; i < 20; i++) {
            deliverAllDue();
            clock.advance(Duration.ofMinutes(5));
        }

        assertThat(agent.calls()).hasSize(8);
        assertThat(stored("wamid.A").state()).isEqualTo(InboundState.DEAD);
        assertThat(stored("wamid.A").attempts()).isEqualTo(8);
    }

    @Test
    void rejectedMessageIsDeadAtOnce() {
        enqueue(meta("wamid.A", "5511988887777", STORE_PHONE_ID, "x"), Role.CUSTOMER);
        agent.thenRejected("http_400");

        deliverAllDue();
        clock.advance(Duration.ofMinutes(10));
        deliverAllDue();

        assertThat(agent.calls()).hasSize(1);
        assertThat(stored("wamid.A").state()).isEqualTo(InboundState.DEAD);
        assertThat(stored("wamid.A").lastError()).contains("http_400");
    }

    @Test
    void messageForADeletedTenantIsDeadWithoutCallingAnyone() {
        enqueue(meta("wamid.A", "5511988887777", STORE_PHONE_ID, "x"), Role.CUSTOMER);
        tenants.delete(MODA);

        deliverAllDue();

        assertThat(agent.calls()).isEmpty();
        assertThat(stored("wamid.A").state()).isEqualTo(InboundState.DEAD);
        assertThat(stored("wamid.A").lastError()).contains("tenant_not_found");
    }

    @Test
    void claimedMessageIsLeasedForNinetySeconds() {
        enqueue(meta("wamid.A", "5511988887777", STORE_PHONE_ID, "x"), Role.CUSTOMER);

        List<PendingDelivery> first = service.claimDue(10);
        List<PendingDelivery> whileLeased = service.claimDue(10);
        clock.advance(Duration.ofSeconds(90));
        List<PendingDelivery> afterLease = service.claimDue(10);

        assertThat(first).hasSize(1);
        assertThat(whileLeased).isEmpty();
        assertThat(afterLease)
                .extracting(PendingDelivery::id)
                .containsExactly(first.get(0).id());
    }

    private void enqueue(InboundMessage message, Role role) {
        PhoneNumber thread = PhoneNumbers.parseCanonical(message.from());
        store.record(
                List.of(new InboxEntry(message, new Routed(MODA, role, thread), InboundState.RECEIVED)), List.of());
    }

    private void deliverAllDue() {
        List<PendingDelivery> due;
        while (!(due = service.claimDue(10)).isEmpty()) {
            due.forEach(service::deliver);
        }
    }

    private StoredInbound stored(String providerId) {
        return store.inbound(providerId).orElseThrow();
    }
}
