package com.vendin.whatsapp.domain.send;

import static com.vendin.whatsapp.domain.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vendin.whatsapp.domain.Fixtures;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.delivery.OutboundContent;
import com.vendin.whatsapp.ports.identity.PersonDirectory;
import com.vendin.whatsapp.ports.identity.SenderIds;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.send.SendReceipt;
import com.vendin.whatsapp.ports.send.SendRequest;
import com.vendin.whatsapp.ports.send.SendStore;
import com.vendin.whatsapp.ports.tenant.TenantId;
import com.vendin.whatsapp.ports.testing.InMemoryPersons;
import com.vendin.whatsapp.ports.testing.InMemoryTenants;
import com.vendin.whatsapp.ports.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TenantMessageServiceTest {
    private static final TenantId MODA = new TenantId("moda");
    private static final TenantId PIZZA = new TenantId("pizza");
    private static final String PHONE_ID = "100000000000009";
    private static final OutboundContent TEXT = new OutboundContent.Text("Oi");
    private static final OutboundContent TEMPLATE =
            new OutboundContent.MetaTemplate("order_update", "pt_BR", Optional.empty());

    private final InMemoryTenants tenants = new InMemoryTenants();
    private final InMemoryPersons persons = new InMemoryPersons();
    private final FakeStore store = new FakeStore();
    private final AtomicInteger notified = new AtomicInteger();
    private final MutableClock clock = new MutableClock(T0);
    private TenantMessageService service;

    @BeforeEach
    void setUp() {
        tenants.insert(Fixtures.tenant(
                "moda", Optional.of(Fixtures.metaNumber("+5511999911111", PHONE_ID, Optional.of("t")))));
        tenants.insert(Fixtures.tenant(
                "pizza", Optional.of(Fixtures.twilioNumber("+551140045678", Optional.empty(), Optional.empty()))));
        tenants.insert(Fixtures.tenant("bare", Optional.empty()));
        service = new TenantMessageService(
                tenants, persons, store, notified::incrementAndGet, clock, (provider, media) -> Optional.empty());
    }

    @Test
    void givenALastMessageJustUnder24HoursOldWhenTextIsSentThenItIsQueuedAndAtExactly24HoursItIsRefused() {
        store.last.put("moda|+5511988887777", T0.minus(Duration.ofHours(24)).plusMillis(1));

        SendReceipt receipt = service.send(request(MODA, "+5511988887777", TEXT));

        assertThat(receipt.parts()).hasSize(1);
        assertThat(notified).hasValue(1);
        SendStore.QueuedSend queued = store.queued.get(0);
        assertThat(queued.threadId()).isEqualTo("+5511988887777");
        assertThat(queued.route().to()).isEqualTo("5511988887777");
        assertThat(queued.route().fromPhoneId()).contains(PHONE_ID);
        assertThat(queued.route().viaPlatform()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThatThrownBy(() -> service.send(request(MODA, "+5511988887777", TEXT)))
                .isInstanceOfSatisfying(GatewayRejection.class, e -> {
                    assertThat(e.code()).isEqualTo("outside_service_window");
                    assertThat(e.kind()).isEqualTo(GatewayRejection.Kind.CONFLICT);
                });
        assertThat(service.send(request(MODA, "+5511988887777", TEMPLATE)).parts())
                .hasSize(1);
    }

    @Test
    void givenAPhonePairedWithABsuidThreadWhenSentToThePhoneThenThePartsJoinThatThreadAndItsWindowCounts() {
        String key = PersonDirectory.metaKey(PHONE_ID);
        persons.resolve(
                key, new SenderIds(Optional.empty(), Optional.of("BR.55"), Optional.empty(), Optional.empty()), T0);
        persons.resolve(
                key,
                new SenderIds(
                        Optional.of(new PhoneNumber("+5511966665555")),
                        Optional.of("BR.55"),
                        Optional.empty(),
                        Optional.empty()),
                T0);
        store.last.put("moda|user:BR.55", T0.minusSeconds(5));

        service.send(request(MODA, "+55 11 96666-5555", TEXT));
        service.send(request(MODA, "BR.55", TEXT));

        assertThat(store.queued).extracting(SendStore.QueuedSend::threadId).containsOnly("user:BR.55");
        assertThat(store.queued).extracting(q -> q.route().to()).containsExactly("5511966665555", "BR.55");
    }

    @Test
    void givenATwilioStoreWhenSendingThenThePhoneKeepsItsPlusAndOnlyContentTemplatesFit() {
        OutboundContent content =
                new OutboundContent.TwilioTemplate("HX0123456789abcdef0123456789abcdef", Optional.empty());

        service.send(request(PIZZA, "+5511977773333", content));

        assertThat(store.queued.get(0).route().to()).isEqualTo("+5511977773333");
        assertThat(store.queued.get(0).route().fromPhoneId()).isEmpty();
        assertThat(store.queued.get(0).parts().get(0).content()).isEqualTo(content);
        assertThatThrownBy(() -> service.send(request(PIZZA, "+5511977773333", TEMPLATE)))
                .hasFieldOrPropertyWithValue("code", "invalid_message");
    }

    @Test
    void givenALongTextWhenSentThenItIsSplitIntoPartsAtTheProviderLimit() {
        store.last.put("moda|+5511988887777", T0);

        service.send(request(MODA, "+5511988887777", new OutboundContent.Text("palavra ".repeat(1000)), TEMPLATE));

        List<SendStore.QueuedPart> parts = store.queued.get(0).parts();
        assertThat(parts).hasSize(3);
        assertThat(parts.get(0).text().length()).isLessThanOrEqualTo(4096);
        assertThat(parts.get(2).content()).isEqualTo(TEMPLATE);
    }

    @Test
    void givenAKeyAlreadyAnsweredWhenSentAgainThenTheKeptReceiptIsReturnedBeforeAnyCheck() {
        SendReceipt kept = new SendReceipt("snd_1", List.of(new SendReceipt.Part("out-1", "pending")));
        store.keys.put("moda|k1", kept);

        SendReceipt again = service.send(
                new SendRequest(MODA, "+5511988887777", List.of(TEXT), Optional.empty(), Optional.of("k1")));

        assertThat(again).isEqualTo(kept);
        assertThat(store.queued).isEmpty();
        assertThat(store.keyNotBefore).isEqualTo(T0.minus(Duration.ofHours(24)));
    }

    @Test
    void givenBadRequestsWhenSentThenEachIsTheRejectionItNames() {
        assertThat(code(request(new TenantId("ghost"), "+5511988887777", TEXT))).isEqualTo("tenant_not_found");
        assertThat(code(request(new TenantId("bare"), "+5511988887777", TEXT))).isEqualTo("tenant_has_no_number");
        assertThat(code(request(MODA, "not a phone", TEMPLATE))).isEqualTo("invalid_recipient");
        assertThat(code(request(MODA, "+5511988887777", new OutboundContent.Text(" "))))
                .isEqualTo("invalid_message");
        assertThat(code(new SendRequest(
                        MODA, "+5511988887777", List.of(TEMPLATE), Optional.of("wamid.X"), Optional.empty())))
                .isEqualTo("reply_to_not_found");
        assertThat(store.queued).isEmpty();
    }

    private String code(SendRequest request) {
        try {
            service.send(request);
            return "accepted";
        } catch (GatewayRejection e) {
            return e.code();
        }
    }

    private static SendRequest request(TenantId tenant, String to, OutboundContent... items) {
        return new SendRequest(tenant, to, List.of(items), Optional.empty(), Optional.empty());
    }

    /** Records what would be queued; windows and keys are set by the test. */
    private static final class FakeStore implements SendStore {
        final Map<String, Instant> last = new HashMap<>();
        final Map<String, SendReceipt> keys = new HashMap<>();
        final List<QueuedSend> queued = new ArrayList<>();
        Instant keyNotBefore;

        @Override
        public Optional<Instant> lastCustomerMessage(TenantId tenantId, String threadId) {
            return Optional.ofNullable(last.get(tenantId.value() + "|" + threadId));
        }

        @Override
        public boolean hasInbound(TenantId tenantId, String providerMessageId) {
            return false;
        }

        @Override
        public Optional<SendReceipt> findByKey(TenantId tenantId, String idempotencyKey, Instant notBefore) {
            keyNotBefore = notBefore;
            return Optional.ofNullable(keys.get(tenantId.value() + "|" + idempotencyKey));
        }

        @Override
        public SendReceipt queue(QueuedSend send) {
            queued.add(send);
            List<SendReceipt.Part> parts = new ArrayList<>();
            for (int i = 0; i < send.parts().size(); i++) {
                parts.add(new SendReceipt.Part("out-" + (queued.size() * 100 + i), "pending"));
            }
            return new SendReceipt(send.sendId(), parts);
        }
    }
}
