package com.vendin.whatsapp.domain.delivery;

import static com.vendin.whatsapp.domain.Fixtures.metaNumber;
import static com.vendin.whatsapp.domain.Fixtures.tenant;
import static com.vendin.whatsapp.domain.Fixtures.twilioNumber;
import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.domain.Fixtures;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.delivery.MediaKind;
import com.vendin.whatsapp.ports.delivery.MediaUploader;
import com.vendin.whatsapp.ports.delivery.OutboundContent;
import com.vendin.whatsapp.ports.delivery.OutboundMessage;
import com.vendin.whatsapp.ports.delivery.PendingPart;
import com.vendin.whatsapp.ports.delivery.ReplyRoute;
import com.vendin.whatsapp.ports.delivery.SendOutcome;
import com.vendin.whatsapp.ports.delivery.SenderAccount;
import com.vendin.whatsapp.ports.inbound.Destination;
import com.vendin.whatsapp.ports.inbound.InboundMessage;
import com.vendin.whatsapp.ports.inbound.InboundState;
import com.vendin.whatsapp.ports.inbound.InboxEntry;
import com.vendin.whatsapp.ports.inbound.MessageContent;
import com.vendin.whatsapp.ports.inbound.Role;
import com.vendin.whatsapp.ports.inbound.RoutingDecision.Routed;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.TenantId;
import com.vendin.whatsapp.ports.testing.InMemoryMessageStore;
import com.vendin.whatsapp.ports.testing.InMemoryTenants;
import com.vendin.whatsapp.ports.testing.MutableClock;
import com.vendin.whatsapp.ports.testing.RecordingSender;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sending rich reply parts (CONTRACT §3.1): a media part on Meta is uploaded once, before its first send. */
class RichReplySenderTest {
    private static final String ANA = "5511988887777";
    private static final ReplyRoute META = new ReplyRoute(Provider.FACEBOOK, false, Optional.of("201"), ANA);
    private static final OutboundContent.Media SHIRT = new OutboundContent.Media(
            MediaKind.IMAGE, URI.create("https://cdn.example/shirt.png"), Optional.of("Azul"), Optional.empty());

    private final MutableClock clock = new MutableClock(Fixtures.T0);
    private final InMemoryTenants tenants = new InMemoryTenants();
    private final InMemoryMessageStore store = new InMemoryMessageStore(clock);
    private final RecordingSender provider = new RecordingSender();
    private final List<OutboundContent.Media> uploads = new ArrayList<>();
    private final Deque<MediaUploader.Outcome> uploadScript = new ArrayDeque<>();
    private final ReplySender sender = new ReplySender(
            store.outboundQueue(),
            tenants,
            provider,
            Fixtures.platform(),
            new RetryPolicy(8, () -> 0.0),
            clock,
            (from, media) -> {
                uploads.add(media);
                MediaUploader.Outcome next = uploadScript.pollFirst();
                return next != null ? next : new MediaUploader.Uploaded("media-" + uploads.size());
            });

    @BeforeEach
    void stores() {
        tenants.insert(tenant("moda", Optional.of(metaNumber("+5511999991111", "201", Optional.of("store-token")))));
        tenants.insert(
                tenant("sub", Optional.of(twilioNumber("+551140045678", Optional.of("ACsub"), Optional.of("t")))));
    }

    @Test
    void givenAMediaPartOnMetaWhenSentThenItsFileIsUploadedAndTheSendCarriesTheMediaId() {
        queue("moda", META, List.of(new OutboundContent.Text("Olha"), SHIRT));

        sendAllDue();

        assertThat(uploads).containsExactly(SHIRT);
        assertThat(provider.sent()).extracting(t -> t.text()).containsExactly("Olha");
        assertThat(provider.sentMessages())
                .singleElement()
                .isEqualTo(new OutboundMessage(
                        SenderAccount.meta("201", new Secret("store-token")),
                        ANA,
                        SHIRT,
                        Optional.of("media-1"),
                        provider.sentMessages().get(0).correlationId()));
        assertThat(store.parts()).allSatisfy(p -> assertThat(p.state()).isEqualTo("sent"));
        assertThat(store.inbound().get(0).state()).isEqualTo(InboundState.REPLIED);
    }

    @Test
    void givenASendThatFailsAfterTheUploadWhenRetriedThenTheSameMediaIdIsSentAndNothingIsUploadedAgain() {
        queue("moda", META, List.of(SHIRT));
        provider.thenFail("131000", true);

        sendAllDue();

        assertThat(uploads).hasSize(1);
        assertThat(provider.sentMessages())
                .hasSize(2)
                .allSatisfy(m -> assertThat(m.mediaId()).contains("media-1"));
        assertThat(store.parts())
                .singleElement()
                .satisfies(p -> assertThat(p.state()).isEqualTo("sent"));
    }

    @Test
    void givenAnUploadThatFindsTheFileGoneWhenSentThenThePartFailsAsAnInvalidReplyWithoutASend() {
        queue("moda", META, List.of(SHIRT));
        uploadScript.add(new MediaUploader.Invalid("the media URL answered HTTP 404"));

        sendAllDue();

        assertThat(provider.sentMessages()).isEmpty();
        assertThat(store.parts()).singleElement().satisfies(p -> {
            assertThat(p.state()).isEqualTo("failed");
            assertThat(p.errorCode()).contains("invalid_reply");
            assertThat(p.errorDetail()).contains("invalid_reply: the media URL answered HTTP 404");
        });
    }

    @Test
    void givenAGraphFailureOnUploadWhenRetryableThenTheUploadIsTriedAgainLater() {
        queue("moda", META, List.of(SHIRT));
        uploadScript.add(new MediaUploader.Failed(new SendOutcome.Failed("131016", "unavailable", true, false)));

        sendAllDue();

        assertThat(uploads).hasSize(2);
        assertThat(provider.sentMessages())
                .singleElement()
                .satisfies(m -> assertThat(m.mediaId()).contains("media-2"));
    }

    @Test
    void givenAMediaPartOnTwilioWhenSentThenNothingIsUploadedAndTheUrlGoesAsIs() {
        queue("sub", new ReplyRoute(Provider.TWILIO, false, Optional.empty(), "whatsapp:+" + ANA), List.of(SHIRT));

        sendAllDue();

        assertThat(uploads).isEmpty();
        assertThat(provider.sentMessages()).singleElement().satisfies(m -> {
            assertThat(m.content()).isEqualTo(SHIRT);
            assertThat(m.mediaId()).isEmpty();
        });
    }

    private void queue(String tenantId, ReplyRoute route, List<OutboundContent> parts) {
        InboundMessage message = new InboundMessage(
                route.provider(),
                "in-1",
                route.to(),
                new Destination(route.fromPhoneId(), "x"),
                Fixtures.T0,
                MessageContent.text("q"),
                Optional.empty());
        store.record(
                List.of(new InboxEntry(
                        message,
                        new Routed(new TenantId(tenantId), Role.CUSTOMER, new PhoneNumber("+5511900000001")),
                        InboundState.RECEIVED)),
                List.of());
        long id = store.inbound("in-1").orElseThrow().id();
        store.deliveryQueue().claimDue(clock.instant(), Duration.ofSeconds(90), 100);
        store.deliveryQueue().completeWith(id, route, parts, clock.instant());
    }

    /** Sends what is due, then lets time pass for retries, a few rounds. */
    private void sendAllDue() {
        for (int round = 0; round < 4; round++) {
            List<PendingPart> due;
            while (!(due = sender.claimDue(10)).isEmpty()) {
                due.forEach(sender::send);
            }
            clock.advance(Duration.ofMinutes(10));
        }
    }
}
