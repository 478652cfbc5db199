package com.vendin.whatsapp.domain.delivery;

import static com.vendin.whatsapp.domain.Fixtures.meta;
import static com.vendin.whatsapp.domain.Fixtures.metaNumber;
import static com.vendin.whatsapp.domain.Fixtures.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.domain.Fixtures;
import com.vendin.whatsapp.domain.phone.PhoneNumbers;
import com.vendin.whatsapp.ports.delivery.AgentOutcome;
import com.vendin.whatsapp.ports.delivery.MediaKind;
import com.vendin.whatsapp.ports.delivery.OutboundContent;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Button;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Buttons;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Media;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Text;
import com.vendin.whatsapp.ports.delivery.PendingDelivery;
import com.vendin.whatsapp.ports.delivery.PendingPart;
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
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A tenant's rich reply (CONTRACT §3.1): every item checked before any part is queued. */
class RichDeliveryTest {
    private static final TenantId MODA = new TenantId("moda-brasil");
    private static final String STORE_PHONE_ID = "200000000000002";
    private static final Media SHIRT = new Media(
            MediaKind.IMAGE, URI.create("https://cdn.example/shirt.png"), Optional.of("**Azul**"), Optional.empty());

    private final MutableClock clock = new MutableClock(Fixtures.T0);
    private final InMemoryTenants tenants = new InMemoryTenants();
    private final InMemoryMessageStore store = new InMemoryMessageStore(clock);
    private final RecordingTenantAgent agent = new RecordingTenantAgent();
    private final List<Media> probed = new ArrayList<>();
    private volatile Optional<String> mediaProblem = Optional.empty();
    private volatile Duration probeTakes = Duration.ZERO;
    private final DeliveryService service = new DeliveryService(
            store.deliveryQueue(),
            tenants,
            agent,
            new RetryPolicy(8, () -> 0.0),
            () -> {},
            clock,
            8,
            (provider, media) -> {
                probed.add(media);
                clock.advance(probeTakes);
                return mediaProblem;
            },
            TypingKeeper.off());

    @BeforeEach
    void oneStore() {
        tenants.insert(
                tenant("moda-brasil", Optional.of(metaNumber("+5511999991111", STORE_PHONE_ID, Optional.empty()))));
    }

    @Test
    void givenTextImageAndButtonsWhenDeliveredThenThreePartsAreQueuedInOrderWithTheirContent() {
        deliver("wamid.A", new Text("**Oi**"), SHIRT, new Buttons("Quer?", List.of(new Button("y", "Sim"))));

        assertThat(store.inbound("wamid.A").orElseThrow().state()).isEqualTo(InboundState.FORWARDED);
        assertThat(probed).containsExactly(SHIRT);
        List<PendingPart> parts = new ArrayList<>();
        List<PendingPart> due;
        while (!(due = store.outboundQueue().claimDue(clock.instant(), Duration.ofSeconds(40), 10)).isEmpty()) {
            parts.addAll(due);
            due.forEach(p -> store.outboundQueue().markAccepted(p.id(), "wamid.out-" + p.id(), clock.instant()));
        }
        assertThat(parts)
                .extracting(PendingPart::content)
                .containsExactly(
                        new Text("*Oi*"),
                        new Media(MediaKind.IMAGE, SHIRT.url(), Optional.of("*Azul*"), Optional.empty()),
                        new Buttons("Quer?", List.of(new Button("y", "Sim"))));
        assertThat(parts).extracting(PendingPart::partIndex).containsExactly(0, 1, 2);
        assertThat(store.inbound("wamid.A").orElseThrow().state()).isEqualTo(InboundState.REPLIED);
    }

    @Test
    void givenAnItemBreakingARuleWhenDeliveredThenTheMessageIsDeadWithTheReasonAndNoPartIsQueued() {
        deliver(
                "wamid.B",
                new Text("antes"),
                new Buttons(
                        "x",
                        List.of(
                                new Button("a", "A"),
                                new Button("b", "B"),
                                new Button("c", "C"),
                                new Button("d", "D"))));

        assertThat(store.inbound("wamid.B").orElseThrow()).satisfies(m -> {
            assertThat(m.state()).isEqualTo(InboundState.DEAD);
            assertThat(m.lastError()).contains("invalid_reply: message 2 (buttons): 1 to 3 buttons, got 4");
        });
        assertThat(store.parts()).isEmpty();
        assertThat(probed).as("no media is fetched for a reply already invalid").isEmpty();
    }

    @Test
    void givenMediaThatIsUnfitWhenDeliveredThenTheMessageIsDeadWithTheProbesReason() {
        mediaProblem = Optional.of("the media URL answered HTTP 404");

        deliver("wamid.C", new Text("veja"), SHIRT);

        assertThat(store.inbound("wamid.C").orElseThrow().lastError())
                .contains("invalid_reply: message 2 (image): the media URL answered HTTP 404");
        assertThat(store.parts()).isEmpty();
    }

    @Test
    void mediaChecksThatWouldOutlastTheLeaseStopAndTheDeliveryIsRetriedNotLooped() {
        probeTakes = Duration.ofSeconds(15); // each URL answers slowly, within the probe's own timeout
        OutboundContent[] tenImages = new OutboundContent[10];
        Arrays.fill(tenImages, SHIRT);

        deliver("wamid.S", tenImages);

        assertThat(probed).as("no check starts past the deadline").hasSize(4);
        assertThat(store.inbound("wamid.S").orElseThrow()).satisfies(m -> {
            assertThat(m.state()).isEqualTo(InboundState.RECEIVED);
            assertThat(m.attempts()).isEqualTo(1);
            assertThat(m.lastError()).hasValueSatisfying(e -> assertThat(e).startsWith("media_check_timeout"));
        });
        assertThat(store.parts()).isEmpty();
    }

    @Test
    void givenAnEmptyMessagesListWhenDeliveredThenItIsForwardedWithNoReply() {
        deliver("wamid.D");

        assertThat(store.inbound("wamid.D").orElseThrow().state()).isEqualTo(InboundState.FORWARDED);
        assertThat(store.parts()).isEmpty();
    }

    private void deliver(String wamid, OutboundContent... items) {
        InboundMessage message = meta(wamid, "5511988887777", STORE_PHONE_ID, "5511999991111");
        store.record(
                List.of(new InboxEntry(
                        message,
                        new Routed(MODA, Role.CUSTOMER, PhoneNumbers.parseCanonical(message.from())),
                        InboundState.RECEIVED)),
                List.of());
        agent.thenReturn(new AgentOutcome.Replied(Optional.empty(), List.of(items)));
        List<PendingDelivery> due;
        while (!(due = service.claimDue(10)).isEmpty()) {
            due.forEach(service::deliver);
        }
    }
}
