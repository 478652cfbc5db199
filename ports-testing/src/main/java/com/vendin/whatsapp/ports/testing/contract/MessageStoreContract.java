package com.vendin.whatsapp.ports.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.delivery.ClaimCaps;
import com.vendin.whatsapp.ports.delivery.DeliveryQueue;
import com.vendin.whatsapp.ports.delivery.OutboundQueue;
import com.vendin.whatsapp.ports.delivery.PartCorrelation;
import com.vendin.whatsapp.ports.delivery.PendingDelivery;
import com.vendin.whatsapp.ports.delivery.PendingPart;
import com.vendin.whatsapp.ports.delivery.ReplyRoute;
import com.vendin.whatsapp.ports.inbound.DeliveryStatus;
import com.vendin.whatsapp.ports.inbound.Destination;
import com.vendin.whatsapp.ports.inbound.InboundMessage;
import com.vendin.whatsapp.ports.inbound.InboundState;
import com.vendin.whatsapp.ports.inbound.Inbox;
import com.vendin.whatsapp.ports.inbound.InboxEntry;
import com.vendin.whatsapp.ports.inbound.MessageContent;
import com.vendin.whatsapp.ports.inbound.Role;
import com.vendin.whatsapp.ports.inbound.RoutingDecision;
import com.vendin.whatsapp.ports.inbound.StatusUpdate;
import com.vendin.whatsapp.ports.inbound.UnroutableReason;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.query.MessageQueries;
import com.vendin.whatsapp.ports.query.MessageView;
import com.vendin.whatsapp.ports.tenant.TenantId;
import com.vendin.whatsapp.ports.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the message ports must do, as the ports' Javadoc says. Extend it with
 * a store made fresh for each test; tenants {@code moda} and {@code loja} must exist in it.
 */
public abstract class MessageStoreContract {
    protected static final TenantId MODA = new TenantId("moda");
    protected static final TenantId LOJA = new TenantId("loja");
    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(90);

    /** The four ports over one store. */
    public record Stores(Inbox inbox, DeliveryQueue deliveries, OutboundQueue outbox, MessageQueries queries) {}

    protected final MutableClock clock = new MutableClock(T0);
    private Stores stores;

    /** A fresh, empty store that reads the time from {@code clock}, with tenants {@code moda} and {@code loja}. */
    protected abstract Stores newStores(MutableClock clock);

    @BeforeEach
    void freshStore() {
        stores = newStores(clock);
    }

    @Test
    void recordSkipsKnownIdsAndReportsWhatItAdded() {
        Set<String> first = stores.inbox().record(List.of(routed("wamid.1", "+5511988887777", 0)), List.of());
        Set<String> second = stores.inbox()
                .record(
                        List.of(routed("wamid.1", "+5511988887777", 0), routed("wamid.2", "+5511988887777", 1)),
                        List.of());

        assertThat(first).containsExactly("wamid.1");
        assertThat(second).containsExactly("wamid.2");
        assertThat(stores.inbox().known(List.of("wamid.1", "wamid.2", "wamid.3")))
                .containsExactlyInAnyOrder("wamid.1", "wamid.2");
    }

    @Test
    void aTenantNeverHoldsMoreLeasesThanItsCapSoOtherTenantsStillGetClaimed() {
        for (int i = 0; i < 5; i++) {
            stores.inbox().record(List.of(routed("moda." + i, "+55119888870" + (10 + i), i)), List.of());
        }
        stores.inbox()
                .record(
                        List.of(new InboxEntry(
                                message("loja.1", "+5521977776666", 9),
                                decision(LOJA, "+5521977776666"),
                                InboundState.RECEIVED)),
                        List.of());

        List<PendingDelivery> first = stores.deliveries().claimDue(clock.instant(), LEASE, 3, 2);
        List<PendingDelivery> second = stores.deliveries().claimDue(clock.instant(), LEASE, 10, 2);

        assertThat(first)
                .extracting(d -> d.message().providerMessageId())
                .containsExactly("moda.0", "moda.1", "loja.1");
        assertThat(second).as("moda already holds its 2 leases").isEmpty();
        complete(first.get(0));
        assertThat(stores.deliveries().claimDue(clock.instant(), LEASE, 10, 2))
                .extracting(d -> d.message().providerMessageId())
                .containsExactly("moda.2");
    }

    @Test
    void tenantsThatAreNotPromptShareASmallerCapAndATotalSoPromptTenantsStillGetClaimed() {
        for (int i = 0; i < 4; i++) {
            stores.inbox()
                    .record(
                            List.of(new InboxEntry(
                                    message("loja." + i, "+55219777766" + (10 + i), i),
                                    decision(LOJA, "+55219777766" + (10 + i)),
                                    InboundState.RECEIVED)),
                            List.of());
        }
        for (int i = 0; i < 4; i++) {
            stores.inbox().record(List.of(routed("moda." + i, "+55119888870" + (10 + i), 10 + i)), List.of());
        }
        ClaimCaps lojaIsSlow = new ClaimCaps(3, tenant -> !tenant.equals(LOJA), 2, 1);

        List<PendingDelivery> first = stores.deliveries().claimDue(clock.instant(), LEASE, 10, lojaIsSlow);
        ClaimCaps roomForMoreSlow = new ClaimCaps(3, tenant -> !tenant.equals(LOJA), 2, 10);
        List<PendingDelivery> second = stores.deliveries().claimDue(clock.instant(), LEASE, 10, roomForMoreSlow);

        assertThat(first)
                .as("loja's older heads are skipped past its share of 1; moda, prompt, gets its cap of 3")
                .extracting(d -> d.message().providerMessageId())
                .containsExactly("loja.0", "moda.0", "moda.1", "moda.2");
        assertThat(second)
                .as("loja holds 1 lease and may hold 2; moda is at its cap")
                .extracting(d -> d.message().providerMessageId())
                .containsExactly("loja.1");
        assertThat(stores.deliveries().claimDue(clock.instant(), LEASE, 10, new ClaimCaps(3, t -> true, 0, 0)))
                .as("a tenant that turns prompt gets the prompt cap at once")
                .extracting(d -> d.message().providerMessageId())
                .containsExactly("loja.2");
    }

    @Test
    void onlyTheHeadOfEachThreadIsClaimableInProviderTimestampOrder() {
        stores.inbox()
                .record(
                        List.of(
                                routed("late", "+5511988887777", 5),
                                routed("early", "+5511988887777", 1),
                                routed("other", "+5521977776666", 3)),
                        List.of());

        List<PendingDelivery> claimed = claim();

        assertThat(claimed)
                .extracting(d -> d.message().providerMessageId())
                .containsExactlyInAnyOrder("early", "other");
        complete(claimed.get(0));
        complete(claimed.get(1));
        assertThat(claim()).extracting(d -> d.message().providerMessageId()).containsExactly("late");
    }

    @Test
    void rateLimitedAndUnroutableMessagesAreNeverClaimed() {
        InboundMessage stray = message("stray", "+5511988887777", 0);
        stores.inbox()
                .record(
                        List.of(
                                new InboxEntry(
                                        message("limited", "+5511988887777", 0),
                                        decision(MODA, "+5511988887777"),
                                        InboundState.RATE_LIMITED),
                                new InboxEntry(
                                        stray,
                                        new RoutingDecision.Unroutable(UnroutableReason.UNKNOWN_STORE_NUMBER),
                                        InboundState.UNROUTABLE)),
                        List.of());

        assertThat(claim()).isEmpty();
    }

    @Test
    void leasedHeadBlocksItsThreadUntilTheLeaseRunsOut() {
        stores.inbox().record(List.of(routed("a", "+5511988887777", 0), routed("b", "+5511988887777", 1)), List.of());

        List<PendingDelivery> first = claim();
        clock.advance(LEASE.minusSeconds(1));
        List<PendingDelivery> whileLeased = claim();
        clock.advance(Duration.ofSeconds(1));
        List<PendingDelivery> afterLease = claim();

        assertThat(first).extracting(d -> d.message().providerMessageId()).containsExactly("a");
        assertThat(whileLeased).isEmpty();
        assertThat(afterLease).extracting(d -> d.message().providerMessageId()).containsExactly("a");
    }

    @Test
    void retryLaterCountsTheAttemptAndWaitsWhileDeadLetterGivesUp() {
        stores.inbox().record(List.of(routed("a", "+5511988887777", 0), routed("b", "+5521977776666", 0)), List.of());
        List<PendingDelivery> claimed = claim();
        PendingDelivery a = claimed.stream()
                .filter(d -> d.message().providerMessageId().equals("a"))
                .findFirst()
                .orElseThrow();
        PendingDelivery b = claimed.stream()
                .filter(d -> d.message().providerMessageId().equals("b"))
                .findFirst()
                .orElseThrow();

        stores.deliveries().retryLater(a.id(), clock.instant().plusSeconds(3), "http_503", clock.instant());
        stores.deliveries().deadLetter(b.id(), "http_400", clock.instant());

        assertThat(claim()).isEmpty();
        clock.advance(Duration.ofSeconds(3));
        assertThat(claim()).singleElement().satisfies(d -> {
            assertThat(d.message().providerMessageId()).isEqualTo("a");
            assertThat(d.attempts()).isEqualTo(1);
        });
        assertThat(state("b")).isEqualTo("dead");
    }

    @Test
    void completedMessageQueuesItsPartsWhichLeaveOneAtATimeAndMakeItReplied() {
        stores.inbox().record(List.of(routed("a", "+5511988887777", 0)), List.of());
        PendingDelivery a = claim().get(0);
        stores.deliveries().complete(a.id(), route(), List.of("one", "two"), clock.instant());

        List<PendingPart> first = claimParts();
        stores.outbox().markAccepted(first.get(0).id(), "wamid.out1", clock.instant());
        String afterFirst = state("a");
        List<PendingPart> second = claimParts();
        stores.outbox().markAccepted(second.get(0).id(), "wamid.out2", clock.instant());

        assertThat(first).singleElement().satisfies(p -> {
            assertThat(p.text()).isEqualTo("one");
            assertThat(p.partIndex()).isZero();
            assertThat(p.partCount()).isEqualTo(2);
            assertThat(p.route()).isEqualTo(route());
            assertThat(p.tenantId()).isEqualTo(MODA);
        });
        assertThat(afterFirst).isEqualTo("forwarded");
        assertThat(second).extracting(PendingPart::text).containsExactly("two");
        assertThat(state("a")).isEqualTo("replied");
        assertThat(claimParts()).isEmpty();
    }

    @Test
    void statusesOnlyMoveForwardAndOneThatArrivesBeforeTheAcceptanceIsKept() {
        stores.inbox().record(List.of(routed("a", "+5511988887777", 0), routed("b", "+5521977776666", 0)), List.of());
        claim().forEach(d ->
                stores.deliveries().complete(d.id(), route(), List.of("reply " + d.id()), clock.instant()));
        List<PendingPart> parts = claimParts();
        stores.outbox().markAccepted(parts.get(0).id(), "wamid.x", clock.instant());
        stores.inbox()
                .record(
                        List.of(),
                        List.of(status("wamid.x", DeliveryStatus.READ), status("wamid.y", DeliveryStatus.DELIVERED)));
        stores.inbox().record(List.of(), List.of(status("wamid.x", DeliveryStatus.DELIVERED)));
        stores.outbox().markAccepted(parts.get(1).id(), "wamid.y", clock.instant());

        assertThat(outboundStates()).containsExactlyInAnyOrder("read", "delivered");
    }

    @Test
    void statusWithThePartsCorrelationIdRecordsASendWhoseAnswerWasLostAndTheLaterAnswerChangesNothing() {
        stores.inbox().record(List.of(routed("a", "+5511988887777", 0)), List.of());
        claim().forEach(d -> stores.deliveries().complete(d.id(), route(), List.of("only part"), clock.instant()));
        PendingPart part = claimParts().get(0);

        stores.inbox()
                .record(
                        List.of(),
                        List.of(
                                correlated("wamid.lost", DeliveryStatus.DELIVERED, part.id()),
                                correlated("wamid.other", DeliveryStatus.SENT, part.id() + 1000)));
        clock.advance(Duration.ofSeconds(61));
        List<PendingPart> afterLease = claimParts();
        stores.outbox().markAccepted(part.id(), "wamid.late", clock.instant());

        assertThat(afterLease).as("never sent again").isEmpty();
        assertThat(outboundStates()).containsExactly("delivered");
        assertThat(stores.queries().forTenant(MODA, 10))
                .filteredOn(v -> v.direction().equals("outbound"))
                .singleElement()
                .extracting(MessageView::providerMessageId)
                .isEqualTo(Optional.of("wamid.lost"));
        assertThat(state("a")).isEqualTo("replied");
    }

    @Test
    void statusWithTheCorrelationIdOfAnAcceptedPartIsKeptForItsOwnIdOnly() {
        stores.inbox().record(List.of(routed("a", "+5511988887777", 0)), List.of());
        claim().forEach(d -> stores.deliveries().complete(d.id(), route(), List.of("only part"), clock.instant()));
        PendingPart part = claimParts().get(0);
        stores.outbox().markAccepted(part.id(), "wamid.first", clock.instant());

        stores.inbox().record(List.of(), List.of(correlated("wamid.second", DeliveryStatus.READ, part.id())));

        assertThat(stores.queries().forTenant(MODA, 10))
                .filteredOn(v -> v.direction().equals("outbound"))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.providerMessageId()).contains("wamid.first");
                    assertThat(v.state()).isEqualTo("sent");
                });
    }

    @Test
    void failedPartKeepsTheProvidersCodeAndRetriedPartWaits() {
        stores.inbox().record(List.of(routed("a", "+5511988887777", 0), routed("b", "+5521977776666", 0)), List.of());
        claim().forEach(d -> stores.deliveries().complete(d.id(), route(), List.of("r"), clock.instant()));
        List<PendingPart> parts = claimParts();

        stores.outbox().markFailed(parts.get(0).id(), "131047", "Re-engagement message", clock.instant());
        stores.outbox().retryLater(parts.get(1).id(), clock.instant().plusSeconds(3), "130429", clock.instant());

        assertThat(claimParts()).isEmpty();
        clock.advance(Duration.ofSeconds(3));
        assertThat(claimParts())
                .singleElement()
                .satisfies(p -> assertThat(p.attempts()).isEqualTo(1));
        assertThat(stores.queries().forTenant(MODA, 10))
                .filteredOn(v -> v.state().equals("failed"))
                .singleElement()
                .extracting(MessageView::errorCode)
                .isEqualTo(Optional.of("131047"));
    }

    @Test
    void releaseLeasesMakesClaimedWorkClaimableAgain() {
        stores.inbox().record(List.of(routed("a", "+5511988887777", 0)), List.of());
        claim();

        assertThat(stores.deliveries().releaseLeases()).isEqualTo(1);
        assertThat(claim()).hasSize(1);
    }

    @Test
    void queriesListATenantsMessagesNewestFirstAndTheUnroutableWithReasons() {
        stores.inbox().record(List.of(routed("old", "+5511988887777", 0)), List.of());
        clock.advance(Duration.ofSeconds(1));
        stores.inbox()
                .record(
                        List.of(
                                routed("new", "+5521977776666", 1),
                                new InboxEntry(
                                        message("stray", "+5511988887777", 0),
                                        new RoutingDecision.Unroutable(UnroutableReason.UNREGISTERED_ADMIN),
                                        InboundState.UNROUTABLE)),
                        List.of());

        assertThat(stores.queries().forTenant(MODA, 10))
                .extracting(MessageView::providerMessageId)
                .containsExactly(Optional.of("new"), Optional.of("old"));
        assertThat(stores.queries().forTenant(LOJA, 10)).isEmpty();
        assertThat(stores.queries().unroutable(10)).singleElement().satisfies(u -> {
            assertThat(u.providerMessageId()).isEqualTo("stray");
            assertThat(u.reason()).isEqualTo("unregistered_admin");
        });
    }

    private List<PendingDelivery> claim() {
        return stores.deliveries().claimDue(clock.instant(), LEASE, 10);
    }

    private List<PendingPart> claimParts() {
        return stores.outbox().claimDue(clock.instant(), Duration.ofSeconds(60), 10);
    }

    private void complete(PendingDelivery delivery) {
        stores.deliveries().complete(delivery.id(), route(), List.of(), clock.instant());
    }

    private String state(String providerId) {
        return stores.queries().forTenant(MODA, 500).stream()
                .filter(v ->
                        v.direction().equals("inbound") && v.providerMessageId().equals(Optional.of(providerId)))
                .findFirst()
                .orElseThrow()
                .state();
    }

    private List<String> outboundStates() {
        return stores.queries().forTenant(MODA, 500).stream()
                .filter(v -> v.direction().equals("outbound"))
                .map(MessageView::state)
                .toList();
    }

    private static ReplyRoute route() {
        return new ReplyRoute(Provider.FACEBOOK, false, Optional.of("200"), "5511988887777");
    }

    private static StatusUpdate status(String id, DeliveryStatus status) {
        return new StatusUpdate(Provider.FACEBOOK, id, status, T0, Optional.empty(), Optional.empty());
    }

    private static StatusUpdate correlated(String id, DeliveryStatus status, long partId) {
        return new StatusUpdate(
                Provider.FACEBOOK,
                id,
                status,
                T0,
                Optional.empty(),
                Optional.empty(),
                Optional.of(PartCorrelation.of(partId)));
    }

    private static InboxEntry routed(String id, String sender, int secondsAfterT0) {
        return new InboxEntry(message(id, sender, secondsAfterT0), decision(MODA, sender), InboundState.RECEIVED);
    }

    private static RoutingDecision decision(TenantId tenant, String sender) {
        return new RoutingDecision.Routed(tenant, Role.CUSTOMER, new PhoneNumber(sender));
    }

    private static InboundMessage message(String id, String sender, int secondsAfterT0) {
        return new InboundMessage(
                Provider.FACEBOOK,
                id,
                sender.substring(1),
                new Destination(Optional.of("200"), "5511999991111"),
                T0.plusSeconds(secondsAfterT0),
                MessageContent.text("text of " + id),
                Optional.empty());
    }
}
