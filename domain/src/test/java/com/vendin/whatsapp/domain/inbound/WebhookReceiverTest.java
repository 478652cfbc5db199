package com.vendin.whatsapp.domain.inbound;

import static com.vendin.whatsapp.domain.Fixtures.meta;
import static com.vendin.whatsapp.domain.Fixtures.metaNumber;
import static com.vendin.whatsapp.domain.Fixtures.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vendin.whatsapp.domain.DeliverySettings;
import com.vendin.whatsapp.domain.Fixtures;
import com.vendin.whatsapp.domain.routing.Router;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.delivery.PendingDelivery;
import com.vendin.whatsapp.ports.delivery.ReplyRoute;
import com.vendin.whatsapp.ports.inbound.BatchReceipt;
import com.vendin.whatsapp.ports.inbound.DeliveryStatus;
import com.vendin.whatsapp.ports.inbound.Destination;
import com.vendin.whatsapp.ports.inbound.IdentityChange;
import com.vendin.whatsapp.ports.inbound.InboundBatch;
import com.vendin.whatsapp.ports.inbound.InboundMessage;
import com.vendin.whatsapp.ports.inbound.InboundState;
import com.vendin.whatsapp.ports.inbound.Inbox;
import com.vendin.whatsapp.ports.inbound.InboxEntry;
import com.vendin.whatsapp.ports.inbound.MessageContent;
import com.vendin.whatsapp.ports.inbound.RoutingDecision;
import com.vendin.whatsapp.ports.inbound.StandbyItem;
import com.vendin.whatsapp.ports.inbound.StatusUpdate;
import com.vendin.whatsapp.ports.inbound.UnroutableReason;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.AdminPhone;
import com.vendin.whatsapp.ports.tenant.Tenant;
import com.vendin.whatsapp.ports.tenant.TenantDirectory;
import com.vendin.whatsapp.ports.tenant.TenantId;
import com.vendin.whatsapp.ports.testing.InMemoryMessageStore;
import com.vendin.whatsapp.ports.testing.InMemoryMessageStore.StoredInbound;
import com.vendin.whatsapp.ports.testing.InMemoryPersons;
import com.vendin.whatsapp.ports.testing.InMemoryRateLimiter;
import com.vendin.whatsapp.ports.testing.InMemoryStandbyLog;
import com.vendin.whatsapp.ports.testing.InMemoryTenants;
import com.vendin.whatsapp.ports.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookReceiverTest {
    private static final String MODA_ID = "200000000000002";
    private static final String LOJA_ID = "300000000000003";
    private static final String ANA = "5511988887777";

    private final MutableClock clock = new MutableClock(Fixtures.T0);
    private final InMemoryTenants tenants = new InMemoryTenants();
    private final InMemoryMessageStore store = new InMemoryMessageStore(clock);
    private final AtomicInteger wakeUps = new AtomicInteger();
    private final InMemoryPersons persons = new InMemoryPersons();
    private final InMemoryStandbyLog standby = new InMemoryStandbyLog();
    private final WebhookReceiver receiver = receiverOver(tenants);

    @BeforeEach
    void twoMetaStores() {
        tenants.insert(tenant("moda-brasil", Optional.of(metaNumber("+5511999991111", MODA_ID, Optional.empty()))));
        tenants.insert(tenant("loja-rio", Optional.of(metaNumber("+5521999992222", LOJA_ID, Optional.empty()))));
    }

    @Test
    void sameBatchDeliveredThreeTimesIsRecordedAndAnnouncedOnce() {
        InboundBatch batch = batch(meta("wamid.A", ANA, MODA_ID, "5511999991111"));

        BatchReceipt first = receiver.receive(batch);
        assertThat(wakeUps)
                .as("no worker is woken before the provider is answered")
                .hasValue(0);
        receiver.acknowledged(batch, first);
        BatchReceipt second = receiver.receive(batch);
        receiver.acknowledged(batch, second);
        BatchReceipt third = receiver.receive(batch);
        receiver.acknowledged(batch, third);

        assertThat(store.inbound()).hasSize(1);
        assertThat(first).isEqualTo(new BatchReceipt(1, 0, 0, 0, 0));
        assertThat(second).isEqualTo(new BatchReceipt(0, 1, 0, 0, 0));
        assertThat(third).isEqualTo(second);
        assertThat(wakeUps).hasValue(1);
    }

    @Test
    void duplicateInsideOneBatchIsRecordedOnce() {
        InboundMessage message = meta("wamid.A", ANA, MODA_ID, "5511999991111");

        BatchReceipt receipt = receiver.receive(batch(message, message));

        assertThat(store.inbound()).hasSize(1);
        assertThat(receipt).isEqualTo(new BatchReceipt(1, 1, 0, 0, 0));
        assertThat(store.recordCalls()).isEqualTo(1);
    }

    @Test
    void batchMixingTwoStoresRoutesEachMessageToItsOwnTenant() {
        receiver.receive(batch(
                meta("wamid.A", ANA, MODA_ID, "5511999991111"),
                meta("wamid.B", "5521977776666", LOJA_ID, "5521999992222")));

        assertThat(tenantOf("wamid.A")).isEqualTo(new TenantId("moda-brasil"));
        assertThat(tenantOf("wamid.B")).isEqualTo(new TenantId("loja-rio"));
        assertThat(store.deliveryQueue().claimDue(clock.instant(), Duration.ofSeconds(90), 10))
                .extracting(PendingDelivery::tenantId)
                .containsExactlyInAnyOrder(new TenantId("moda-brasil"), new TenantId("loja-rio"));
    }

    @Test
    void unreadableSenderIsRecordedUnroutableWithoutDroppingItsSiblings() {
        BatchReceipt receipt = receiver.receive(batch(
                meta("wamid.bad", "no-such-sender", MODA_ID, "5511999991111"),
                meta("wamid.good", ANA, MODA_ID, "5511999991111"),
                meta("wamid.stray", ANA, "999", "5531900000000")));

        assertThat(receipt).isEqualTo(new BatchReceipt(1, 0, 2, 0, 0));
        assertThat(stored("wamid.bad").decision())
                .isEqualTo(new RoutingDecision.Unroutable(UnroutableReason.INVALID_SENDER));
        assertThat(stored("wamid.stray").decision())
                .isEqualTo(new RoutingDecision.Unroutable(UnroutableReason.UNKNOWN_STORE_NUMBER));
        assertThat(stored("wamid.good").state()).isEqualTo(InboundState.RECEIVED);
    }

    @Test
    void usernameOnlyMessageIsRoutedToItsStoreInAUserThread() {
        BatchReceipt receipt = receiver.receive(batch(user("wamid.U1", "", "US.1234", "kfisher", MODA_ID)));

        assertThat(receipt.accepted()).isEqualTo(1);
        RoutingDecision.Routed routed =
                (RoutingDecision.Routed) stored("wamid.U1").decision();
        assertThat(routed.tenantId()).isEqualTo(new TenantId("moda-brasil"));
        assertThat(routed.threadId()).isEqualTo("user:US.1234");
        assertThat(routed.phone()).isEmpty();
    }

    @Test
    void personWhoWroteWithPhoneAndBsuidThenBsuidOnlyStaysInThePhoneThread() {
        receiver.receive(batch(user("wamid.P1", ANA, "BR.1001", null, MODA_ID)));
        clock.advance(Duration.ofSeconds(5));
        receiver.receive(batch(user("wamid.P2", "", "BR.1001", "ana", MODA_ID)));

        RoutingDecision.Routed second =
                (RoutingDecision.Routed) stored("wamid.P2").decision();
        assertThat(second.threadId()).isEqualTo("+5511988887777");
        assertThat(second.phone()).contains(new PhoneNumber("+5511988887777"));
        List<PendingDelivery> claimed = store.deliveryQueue().claimDue(clock.instant(), Duration.ofSeconds(90), 10);
        assertThat(claimed).extracting(PendingDelivery::threadId).containsExactly("+5511988887777");
        assertThat(claimed.get(0).message().providerMessageId()).isEqualTo("wamid.P1");
    }

    @Test
    void aUserIdChangeInTheSameBatchMovesThePersonBeforeTheirNextMessage() {
        receiver.receive(batch(user("wamid.K1", "", "US.1234", "kfisher", MODA_ID)));
        IdentityChange change = new IdentityChange(
                Provider.FACEBOOK,
                "wamid.SYS",
                new Destination(Optional.of(MODA_ID), "5511999991111"),
                IdentityChange.Kind.USER_CHANGED_USER_ID,
                Optional.empty(),
                Optional.of("US.1234"),
                Optional.empty(),
                Optional.of("US.5678"),
                Fixtures.T0.plusSeconds(10));
        InboundMessage next = user("wamid.K2", "", "US.5678", null, MODA_ID);

        receiver.receive(new InboundBatch(List.of(next), List.of(), List.of(change), List.of()));

        assertThat(((RoutingDecision.Routed) stored("wamid.K2").decision()).threadId())
                .isEqualTo("user:US.1234");
        assertThat(store.inbound("wamid.SYS")).isEmpty();
    }

    @Test
    void messageWithNeitherPhoneNorBsuidIsRecordedAsInvalidSender() {
        BatchReceipt receipt = receiver.receive(
                batch(user("wamid.N", "", null, null, MODA_ID), user("wamid.ok", "", "US.1234", null, MODA_ID)));

        assertThat(receipt).isEqualTo(new BatchReceipt(1, 0, 1, 0, 0));
        assertThat(stored("wamid.N").decision())
                .isEqualTo(new RoutingDecision.Unroutable(UnroutableReason.INVALID_SENDER));
    }

    @Test
    void ownerWritingWithBsuidOnlyIsRecognisedByThePhoneTheyPairedWithIt() {
        tenants.add(Fixtures.admin("moda-brasil", "+5511988887777"));
        InboundMessage first = user("wamid.O1", ANA, "BR.7007", null, Fixtures.PLATFORM_PHONE_ID);
        InboundMessage stranger = user("wamid.O0", "", "BR.8008", null, Fixtures.PLATFORM_PHONE_ID);

        receiver.receive(batch(stranger, first));
        receiver.receive(batch(user("wamid.O2", "", "BR.7007", null, Fixtures.PLATFORM_PHONE_ID)));

        assertThat(stored("wamid.O0").decision())
                .isEqualTo(new RoutingDecision.Unroutable(UnroutableReason.UNREGISTERED_ADMIN));
        RoutingDecision.Routed later =
                (RoutingDecision.Routed) stored("wamid.O2").decision();
        assertThat(later.role().wireName()).isEqualTo("admin");
        assertThat(later.threadId()).isEqualTo("+5511988887777");
    }

    @Test
    void standbyItemsAreRecordedAndNeverForwarded() {
        StandbyItem item = new StandbyItem(
                Provider.FACEBOOK,
                "wamid.SB",
                StandbyItem.Kind.MESSAGE,
                new Destination(Optional.of(MODA_ID), "5511999991111"),
                Optional.of(ANA),
                "text",
                "oi",
                Fixtures.T0);

        BatchReceipt receipt = receiver.receive(new InboundBatch(List.of(), List.of(), List.of(), List.of(item, item)));

        assertThat(standby.items()).containsExactly(item);
        assertThat(store.inbound()).isEmpty();
        assertThat(receipt.accepted()).isZero();
        assertThat(wakeUps).hasValue(0);
    }

    @Test
    void twentyFirstMessageInAMinuteIsRateLimitedAndTheNextMinuteIsOpenAgain() {
        for (int i = 1; i <= 20; i++) {
            receiver.receive(batch(meta("wamid." + i, ANA, MODA_ID, "5511999991111")));
            clock.advance(Duration.ofSeconds(1));
        }

        BatchReceipt over = receiver.receive(batch(meta("wamid.21", ANA, MODA_ID, "5511999991111")));
        clock.advance(Duration.ofSeconds(41));
        BatchReceipt nextMinute = receiver.receive(batch(meta("wamid.22", ANA, MODA_ID, "5511999991111")));

        assertThat(over).isEqualTo(new BatchReceipt(0, 0, 0, 1, 0));
        assertThat(stored("wamid.21").state()).isEqualTo(InboundState.RATE_LIMITED);
        assertThat(nextMinute.accepted()).isEqualTo(1);
        assertThat(stored("wamid.22").state()).isEqualTo(InboundState.RECEIVED);
    }

    @Test
    void bothSpellingsOfOneSenderShareOneLimit() {
        List<InboundMessage> messages = new ArrayList<>();
        IntStream.rangeClosed(1, 10).forEach(i -> messages.add(meta("wamid.a" + i, "5511988887777", MODA_ID, "x")));
        IntStream.rangeClosed(1, 11).forEach(i -> messages.add(meta("wamid.b" + i, "551188887777", MODA_ID, "x")));

        BatchReceipt receipt = receiver.receive(new InboundBatch(messages, List.of()));

        assertThat(receipt.accepted()).isEqualTo(20);
        assertThat(receipt.rateLimited()).isEqualTo(1);
        assertThat(stored("wamid.b11").state()).isEqualTo(InboundState.RATE_LIMITED);
    }

    @Test
    void onlyRoutedFirstSeenMessagesCountTowardsTheLimit() {
        List<InboundMessage> routed = new ArrayList<>();
        IntStream.rangeClosed(1, 19).forEach(i -> routed.add(meta("wamid." + i, ANA, MODA_ID, "x")));
        receiver.receive(new InboundBatch(routed, List.of()));
        receiver.receive(new InboundBatch(routed, List.of()));
        IntStream.rangeClosed(1, 5)
                .forEach(i -> receiver.receive(batch(meta("wamid.u" + i, ANA, "999", "5531900000000"))));

        BatchReceipt twentieth = receiver.receive(batch(meta("wamid.20", ANA, MODA_ID, "x")));
        BatchReceipt twentyFirst = receiver.receive(batch(meta("wamid.21", ANA, MODA_ID, "x")));

        assertThat(twentieth.accepted()).isEqualTo(1);
        assertThat(twentyFirst.rateLimited()).isEqualTo(1);
    }

    @Test
    void rateLimitedMessagesAreNeverOfferedForDelivery() {
        List<InboundMessage> burst = IntStream.rangeClosed(1, 22)
                .mapToObj(i -> meta("wamid.burst" + i, ANA, MODA_ID, "x"))
                .toList();

        BatchReceipt receipt = receiver.receive(new InboundBatch(burst, List.of()));

        assertThat(receipt.rateLimited()).isEqualTo(2);
        List<String> offered = new ArrayList<>();
        List<PendingDelivery> claimed;
        while (!(claimed = store.deliveryQueue().claimDue(clock.instant(), Duration.ofSeconds(90), 10)).isEmpty()) {
            for (PendingDelivery d : claimed) {
                offered.add(d.message().providerMessageId());
                store.deliveryQueue()
                        .complete(
                                d.id(),
                                new ReplyRoute(Provider.FACEBOOK, false, Optional.empty(), ANA),
                                List.of(),
                                clock.instant());
            }
        }
        assertThat(offered).hasSize(20).doesNotContain("wamid.burst21", "wamid.burst22");
    }

    @Test
    void everythingIsRecordedInOneCallAndStatusesPassThrough() {
        StatusUpdate status = new StatusUpdate(
                Provider.FACEBOOK,
                "wamid.out1",
                DeliveryStatus.DELIVERED,
                Fixtures.T0,
                Optional.empty(),
                Optional.empty());

        BatchReceipt receipt = receiver.receive(new InboundBatch(
                List.of(meta("wamid.A", ANA, MODA_ID, "x"), meta("wamid.B", ANA, "999", "5531900000000")),
                List.of(status)));

        assertThat(store.recordCalls()).isEqualTo(1);
        assertThat(receipt).isEqualTo(new BatchReceipt(1, 0, 1, 0, 1));
    }

    @Test
    void batchWithOnlyStatusesOrStraysDoesNotWakeTheWorkers() {
        StatusUpdate status = new StatusUpdate(
                Provider.FACEBOOK, "wamid.out1", DeliveryStatus.READ, Fixtures.T0, Optional.empty(), Optional.empty());

        InboundBatch statuses = new InboundBatch(List.of(), List.of(status));
        InboundBatch stray = batch(meta("wamid.B", ANA, "999", "5531900000000"));
        receiver.acknowledged(statuses, receiver.receive(statuses));
        receiver.acknowledged(stray, receiver.receive(stray));

        assertThat(store.recordCalls()).isEqualTo(2);
        assertThat(wakeUps).hasValue(0);
    }

    @Test
    void redeliveryThatRacedTheFirstDeliveryGivesItsRateLimitSlotBack() {
        InMemoryRateLimiter limiter = new InMemoryRateLimiter();
        Inbox racing = new Inbox() {
            @Override
            public java.util.Set<String> record(List<InboxEntry> entries, List<StatusUpdate> statuses) {
                return store.record(entries, statuses);
            }

            @Override
            public java.util.Set<String> known(java.util.Collection<String> ids) {
                return java.util.Set.of();
            }
        };
        WebhookReceiver receiver = new WebhookReceiver(
                new Router(tenants, Fixtures.platform(), persons),
                racing,
                limiter,
                wakeUps::incrementAndGet,
                standby,
                DeliverySettings.defaults(),
                clock);

        for (int i = 0; i < 25; i++) {
            receiver.receive(batch(meta("wamid.SAME", ANA, MODA_ID, "5511999991111")));
        }
        BatchReceipt fresh = receiver.receive(batch(meta("wamid.NEW", ANA, MODA_ID, "5511999991111")));

        assertThat(fresh.accepted()).isEqualTo(1);
        assertThat(limiter.counted("sender:+5511988887777")).isEqualTo(2);
    }

    @Test
    void batchThatFailsToBeRecordedGivesItsRateLimitSlotsBack() {
        InMemoryRateLimiter limiter = new InMemoryRateLimiter();
        Inbox broken = new Inbox() {
            @Override
            public java.util.Set<String> record(List<InboxEntry> entries, List<StatusUpdate> statuses) {
                throw new IllegalStateException("database is down");
            }

            @Override
            public java.util.Set<String> known(java.util.Collection<String> ids) {
                return java.util.Set.of();
            }
        };
        WebhookReceiver failing = new WebhookReceiver(
                new Router(tenants, Fixtures.platform(), persons),
                broken,
                limiter,
                wakeUps::incrementAndGet,
                standby,
                DeliverySettings.defaults(),
                clock);

        assertThatThrownBy(() -> failing.receive(
                        batch(meta("wamid.F1", ANA, MODA_ID, "x"), meta("wamid.F2", ANA, MODA_ID, "x"))))
                .isInstanceOf(IllegalStateException.class);

        assertThat(limiter.counted("sender:+5511988887777")).isZero();
    }

    @Test
    void directoryFailureRecordsNothingSoTheProviderRedeliversTheWholeBatch() {
        WebhookReceiver failing = receiverOver(new BrokenDirectory());

        assertThatThrownBy(() -> failing.receive(batch(meta("wamid.A", ANA, MODA_ID, "x"))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(store.inbound()).isEmpty();
        assertThat(receiver.receive(batch(meta("wamid.A", ANA, MODA_ID, "x"))).accepted())
                .isEqualTo(1);
    }

    private WebhookReceiver receiverOver(TenantDirectory directory) {
        return new WebhookReceiver(
                new Router(directory, Fixtures.platform(), persons),
                store,
                new InMemoryRateLimiter(),
                wakeUps::incrementAndGet,
                standby,
                DeliverySettings.defaults(),
                clock);
    }

    private InboundMessage user(String id, String from, String userId, String username, String phoneId) {
        return new InboundMessage(
                Provider.FACEBOOK,
                id,
                from,
                new Destination(Optional.of(phoneId), ""),
                clock.instant(),
                MessageContent.text("oi"),
                Optional.empty(),
                Optional.ofNullable(userId),
                Optional.empty(),
                Optional.ofNullable(username));
    }

    private static InboundBatch batch(InboundMessage... messages) {
        return new InboundBatch(List.of(messages), List.of());
    }

    private StoredInbound stored(String providerId) {
        return store.inbound(providerId).orElseThrow();
    }

    private TenantId tenantOf(String providerId) {
        return ((RoutingDecision.Routed) stored(providerId).decision()).tenantId();
    }

    /** A directory whose database is down. */
    private static final class BrokenDirectory implements TenantDirectory {
        @Override
        public Optional<Tenant> findByPhoneId(String phoneId) {
            throw new IllegalStateException("database is down");
        }

        @Override
        public Optional<Tenant> findByNumber(PhoneNumber number) {
            throw new IllegalStateException("database is down");
        }

        @Override
        public Optional<AdminPhone> findAdminByPhone(PhoneNumber phone) {
            throw new IllegalStateException("database is down");
        }
    }
}
