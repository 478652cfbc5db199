package com.vendin.whatsapp.domain.delivery;

import static com.vendin.whatsapp.domain.Fixtures.meta;
import static com.vendin.whatsapp.domain.Fixtures.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.domain.Fixtures;
import com.vendin.whatsapp.domain.phone.PhoneNumbers;
import com.vendin.whatsapp.ports.delivery.AgentOutcome;
import com.vendin.whatsapp.ports.delivery.MediaProbe;
import com.vendin.whatsapp.ports.delivery.PendingDelivery;
import com.vendin.whatsapp.ports.inbound.InboundMessage;
import com.vendin.whatsapp.ports.inbound.InboundState;
import com.vendin.whatsapp.ports.inbound.InboxEntry;
import com.vendin.whatsapp.ports.inbound.Role;
import com.vendin.whatsapp.ports.inbound.RoutingDecision.Routed;
import com.vendin.whatsapp.ports.tenant.TenantId;
import com.vendin.whatsapp.ports.testing.InMemoryMessageStore;
import com.vendin.whatsapp.ports.testing.InMemoryTenants;
import com.vendin.whatsapp.ports.testing.MutableClock;
import com.vendin.whatsapp.ports.testing.RecordingTenantAgent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Slow, hanging and unknown tenants share half the delivery workers; prompt tenants keep the rest (CONTRACT §3). */
class FairShareTest {
    /** 8 workers: tenants not prompt get 4 of them together, 1 each; a prompt tenant up to 3. */
    private static final int WORKERS = 8;

    private final MutableClock clock = new MutableClock(Fixtures.T0);
    private final InMemoryTenants tenants = new InMemoryTenants();
    private final InMemoryMessageStore store = new InMemoryMessageStore(clock);
    private final RecordingTenantAgent agent = new RecordingTenantAgent();
    private final FairShare share = FairShare.forWorkers(WORKERS, 3);
    private final DeliveryService service = new DeliveryService(
            store.deliveryQueue(),
            tenants,
            agent,
            new RetryPolicy(8, () -> 0.0),
            () -> {},
            clock,
            share,
            (MediaProbe) (provider, item) -> Optional.empty(),
            TypingKeeper.off());
    private int messages;

    @Test
    void sharesAreHalfTheWorkersForTenantsNotPromptAndAnEighthOfThatEachWithinTheCap() {
        FairShare of32 = FairShare.forWorkers(32, 8);
        FairShare of256 = FairShare.forWorkers(256, 8);

        assertThat(List.of(of32.othersShare(), of32.othersPerTenant(), of32.perTenant()))
                .containsExactly(16, 2, 8);
        assertThat(List.of(of256.othersShare(), of256.othersPerTenant()))
                .as("an eighth of 128 is 16, above the prompt cap of 8")
                .containsExactly(128, 8);
        assertThat(List.of(share.othersShare(), share.othersPerTenant())).containsExactly(4, 1);
    }

    @Test
    void tenantsNotHeardFromTogetherTakeAtMostTheirShareHoweverManyThereAre() {
        for (int t = 0; t < 10; t++) {
            enqueue("store-" + t, 3);
        }

        List<PendingDelivery> first = service.claimDue(WORKERS);
        List<PendingDelivery> more = service.claimDue(WORKERS - first.size());

        assertThat(perTenant(first))
                .hasSize(4)
                .allSatisfy((tenant, n) -> assertThat(n).isEqualTo(1));
        assertThat(more).as("their share is taken while those 4 are in flight").isEmpty();
    }

    @Test
    void aPromptTenantFindsFreeWorkersWhileHangingTenantsHoldTheirShare() {
        enqueue("live", 1);
        agent.thenReply("oi");
        service.claimDue(WORKERS).forEach(service::deliver);
        for (int t = 0; t < 10; t++) {
            enqueue("hung-" + t, 3);
        }
        List<PendingDelivery> hung = service.claimDue(WORKERS);
        clock.advance(Duration.ofSeconds(20));

        enqueue("live", 5);
        List<PendingDelivery> live = service.claimDue(WORKERS - hung.size());

        assertThat(hung).hasSize(4);
        assertThat(perTenant(live))
                .as("the prompt tenant gets its cap of 3 from the 4 free workers")
                .containsExactly(Map.entry("live", 3));
    }

    @Test
    void aTenantWithACallInFlightTooLongIsHeldToTheSmallCapUntilItAnswersPromptlyAgain() {
        enqueue("moda", 1);
        agent.thenReply("oi");
        service.claimDue(WORKERS).forEach(service::deliver);
        enqueue("moda", 5);

        List<PendingDelivery> first = service.claimDue(1);
        clock.advance(FairShare.SLOW_CALL.plusSeconds(1));
        List<PendingDelivery> whileSlow = service.claimDue(WORKERS);
        agent.thenReply("enfim");
        service.deliver(first.get(0));
        List<PendingDelivery> afterSlowAnswer = service.claimDue(WORKERS);

        assertThat(first).hasSize(1);
        assertThat(whileSlow).as("moda holds 1, the cap of a tenant not prompt").isEmpty();
        assertThat(afterSlowAnswer)
                .as("an answer after %s is not prompt: still 1 at a time", FairShare.SLOW_CALL)
                .hasSize(1);
        agent.thenReply("rápido");
        service.deliver(afterSlowAnswer.get(0));
        assertThat(service.claimDue(WORKERS))
                .as("a prompt answer gives back the cap of 3")
                .hasSize(3);
    }

    @Test
    void aTimeoutOrRefusedConnectionMakesATenantNotPrompt() {
        enqueue("moda", 1);
        agent.thenReply("oi");
        service.claimDue(WORKERS).forEach(service::deliver);
        enqueue("moda", 4);

        agent.thenReturn(new AgentOutcome.Retryable("connect_failed"));
        service.claimDue(1).forEach(service::deliver);

        assertThat(service.claimDue(WORKERS)).hasSize(1);
    }

    @Test
    void aPromptTenantNotHeardFromForTheMemoryIsTreatedAsUnknown() {
        enqueue("moda", 1);
        agent.thenReply("oi");
        service.claimDue(WORKERS).forEach(service::deliver);
        clock.advance(FairShare.PROMPT_MEMORY);
        enqueue("moda", 4);

        assertThat(service.claimDue(WORKERS)).hasSize(1);
    }

    @Test
    void theUniformShareCapsEveryTenantAlikeAsBefore() {
        DeliveryService uniform = new DeliveryService(
                store.deliveryQueue(), tenants, agent, new RetryPolicy(8, () -> 0.0), () -> {}, clock, 2);
        for (int t = 0; t < 5; t++) {
            enqueue("store-" + t, 3);
        }

        assertThat(perTenant(uniform.claimDue(100)))
                .hasSize(5)
                .allSatisfy((tenant, n) -> assertThat(n).isEqualTo(2));
    }

    /** Records {@code threads} messages for {@code tenantId}, each from a sender of its own (a thread each). */
    private void enqueue(String tenantId, int threads) {
        TenantId id = new TenantId(tenantId);
        if (tenants.findById(id).isEmpty()) {
            tenants.insert(tenant(tenantId, Optional.empty()));
        }
        for (int i = 0; i < threads; i++) {
            messages++;
            String sender = "55119" + String.format("%08d", messages);
            InboundMessage message = meta("wamid." + messages, sender, "200", "5511999991111");
            store.record(
                    List.of(new InboxEntry(
                            message,
                            new Routed(id, Role.CUSTOMER, PhoneNumbers.parseCanonical(sender)),
                            InboundState.RECEIVED)),
                    List.of());
        }
    }

    private static Map<String, Integer> perTenant(List<PendingDelivery> deliveries) {
        return deliveries.stream()
                .collect(Collectors.groupingBy(d -> d.tenantId().value(), Collectors.summingInt(d -> 1)));
    }
}
