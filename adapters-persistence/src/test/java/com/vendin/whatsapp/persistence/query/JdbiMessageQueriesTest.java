package com.vendin.whatsapp.persistence.query;

import static com.vendin.whatsapp.persistence.testing.Samples.routed;
import static com.vendin.whatsapp.persistence.testing.Samples.unroutable;
import static com.vendin.whatsapp.persistence.testing.TestDatabases.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.message.JdbiDeliveryQueue;
import com.vendin.whatsapp.persistence.message.JdbiInbox;
import com.vendin.whatsapp.persistence.message.JdbiOutboundQueue;
import com.vendin.whatsapp.persistence.send.JdbiSendStore;
import com.vendin.whatsapp.persistence.testing.Backend;
import com.vendin.whatsapp.persistence.testing.MutableClock;
import com.vendin.whatsapp.persistence.testing.Samples;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.delivery.MediaKind;
import com.vendin.whatsapp.ports.delivery.OutboundContent;
import com.vendin.whatsapp.ports.delivery.PendingDelivery;
import com.vendin.whatsapp.ports.delivery.ReplyRoute;
import com.vendin.whatsapp.ports.inbound.Destination;
import com.vendin.whatsapp.ports.inbound.InboundMessage;
import com.vendin.whatsapp.ports.inbound.InboundState;
import com.vendin.whatsapp.ports.inbound.InboxEntry;
import com.vendin.whatsapp.ports.inbound.MessageContent;
import com.vendin.whatsapp.ports.inbound.Role;
import com.vendin.whatsapp.ports.inbound.RoutingDecision;
import com.vendin.whatsapp.ports.media.MediaReference;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.query.InboundMedia;
import com.vendin.whatsapp.ports.query.MessageView;
import com.vendin.whatsapp.ports.query.UnroutableView;
import com.vendin.whatsapp.ports.send.SendStore;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Backend.class)
class JdbiMessageQueriesTest {
    @Parameter
    Backend backend;

    static final String ANA = "+5511988887777";
    static final ReplyRoute ROUTE =
            new ReplyRoute(Provider.FACEBOOK, false, Optional.of("109876543210"), "5511988887777");

    @TempDir
    Path dir;

    Database db;
    MutableClock clock = new MutableClock(T0);
    JdbiInbox inbox;
    JdbiMessageQueries queries;

    @BeforeEach
    void open() {
        db = backend.migrated(dir);
        inbox = new JdbiInbox(db, clock);
        queries = new JdbiMessageQueries(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void givenMessagesAndAReplyPartWhenListedForTheTenantThenTogetherNewestFirstWithTheirFields() {
        inbox.record(List.of(routed("wamid.1", ANA, T0.minusSeconds(30))), List.of());
        clock.advance(Duration.ofSeconds(1));
        inbox.record(List.of(routed(Samples.MODA, "wamid.2", ANA, T0, InboundState.RATE_LIMITED)), List.of());
        inbox.record(List.of(routed(new TenantId("shop"), "wamid.other", ANA, T0, InboundState.RECEIVED)), List.of());
        JdbiDeliveryQueue deliveries = new JdbiDeliveryQueue(db);
        PendingDelivery first = deliveries.claimDue(T0, Duration.ofMinutes(1), 10).stream()
                .filter(d -> d.tenantId().equals(Samples.MODA))
                .findFirst()
                .orElseThrow();
        Instant repliedAt = T0.plusSeconds(2);
        deliveries.complete(first.id(), ROUTE, List.of("Temos sim!"), repliedAt);
        new JdbiOutboundQueue(db).markAccepted(partId(), "wamid.out", repliedAt);

        List<MessageView> views = queries.forTenant(Samples.MODA, 50);

        assertThat(views).extracting(MessageView::id).containsExactly("out-1", "in-2", "in-1");
        MessageView reply = views.get(0);
        assertThat(reply.direction()).isEqualTo("outbound");
        assertThat(reply.from()).isEqualTo("5511933334444");
        assertThat(reply.to()).isEqualTo("5511988887777");
        assertThat(reply.type()).isEqualTo("text");
        assertThat(reply.text()).isEqualTo("Temos sim!");
        assertThat(reply.state()).isEqualTo("sent");
        assertThat(reply.providerMessageId()).contains("wamid.out");
        assertThat(reply.inReplyTo()).contains("in-1");
        assertThat(reply.threadId()).contains(ANA);
        assertThat(reply.createdAt()).isEqualTo(repliedAt);
        MessageView received = views.get(2);
        assertThat(received.direction()).isEqualTo("inbound");
        assertThat(received.from()).isEqualTo("5511988887777");
        assertThat(received.to()).isEqualTo("5511933334444");
        assertThat(received.state()).isEqualTo("replied");
        assertThat(received.role()).contains("customer");
        assertThat(received.providerMessageId()).contains("wamid.1");
        assertThat(received.providerTimestamp()).contains(T0.minusSeconds(30));
        assertThat(received.createdAt()).isEqualTo(T0);
        assertThat(views.get(1).state()).isEqualTo("rate_limited");
        assertThat(queries.forTenant(Samples.MODA, 2))
                .extracting(MessageView::id)
                .containsExactly("out-1", "in-2");
    }

    @Test
    void
            givenRichPartsAMediaMessageAndATenantSend_whenListed_thenEachCarriesItsContentMediaAndTheThreadsLastCustomerMessage() {
        Instant photoAt = T0.minusSeconds(90);
        inbox.record(
                List.of(new InboxEntry(
                        new InboundMessage(
                                Provider.FACEBOOK,
                                "wamid.photo",
                                ANA.substring(1),
                                new Destination(Optional.of(Samples.STORE_PHONE_ID), Samples.STORE_NUMBER.substring(1)),
                                photoAt,
                                new MessageContent(
                                        "image",
                                        "Tem azul?",
                                        Optional.of(
                                                "{\"mediaId\":\"1420539718966254\","
                                                        + "\"mimeType\":\"image/jpeg\",\"sha256\":\"abc=\",\"caption\":\"Tem azul?\"}")),
                                Optional.of("Ana")),
                        new RoutingDecision.Routed(Samples.MODA, Role.CUSTOMER, new PhoneNumber(ANA)),
                        InboundState.RECEIVED)),
                List.of());
        inbox.record(
                List.of(routed(Samples.MODA, "wamid.older", ANA, T0.minusSeconds(3600), InboundState.RATE_LIMITED)),
                List.of());
        JdbiDeliveryQueue deliveries = new JdbiDeliveryQueue(db);
        PendingDelivery photo = deliveries.claimDue(T0, Duration.ofMinutes(1), 10).stream()
                .filter(d -> d.message().providerMessageId().equals("wamid.photo"))
                .findFirst()
                .orElseThrow();
        clock.advance(Duration.ofSeconds(1));
        deliveries.completeWith(
                photo.id(),
                ROUTE,
                List.of(
                        new OutboundContent.Media(
                                MediaKind.IMAGE,
                                URI.create("https://loja.example/azul.png"),
                                Optional.of("Azul"),
                                Optional.empty()),
                        new OutboundContent.Buttons(
                                "Quer comprar?",
                                List.of(
                                        new OutboundContent.Button("buy", "Comprar"),
                                        new OutboundContent.Button("later", "Agora não")))),
                T0.plusSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        new JdbiSendStore(db)
                .queue(new SendStore.QueuedSend(
                        "snd_1",
                        Samples.MODA,
                        ANA,
                        ROUTE,
                        List.of(new SendStore.QueuedPart(
                                new OutboundContent.MetaTemplate("pedido_enviado", "pt_BR", Optional.of("[]")))),
                        Optional.of("wamid.photo"),
                        Optional.empty(),
                        T0.plusSeconds(2),
                        T0.minus(Duration.ofHours(24))));

        List<MessageView> views = queries.forTenant(Samples.MODA, 50);

        assertThat(views)
                .extracting(MessageView::type)
                .containsExactly("template", "buttons", "image", "text", "image");
        MessageView template = views.get(0);
        assertThat(template.detail().tenantInitiated()).isTrue();
        assertThat(template.detail().replyTo()).contains("wamid.photo");
        assertThat(template.inReplyTo()).contains("in-1");
        assertThat(template.detail().content())
                .contains(new OutboundContent.MetaTemplate("pedido_enviado", "pt_BR", Optional.of("[]")));
        MessageView image = views.get(2);
        assertThat(image.detail().tenantInitiated()).isFalse();
        assertThat(image.detail().replyTo()).isEmpty();
        assertThat(image.detail().content()).containsInstanceOf(OutboundContent.Media.class);
        assertThat(views.get(1).detail().content().map(OutboundContent::summary))
                .contains("Quer comprar?");
        MessageView received = views.get(4);
        assertThat(received.direction()).isEqualTo("inbound");
        assertThat(received.detail().content()).isEmpty();
        InboundMedia media = received.detail().media().orElseThrow();
        assertThat(media.mediaId()).contains("1420539718966254");
        assertThat(media.mimeType()).contains("image/jpeg");
        assertThat(media.caption()).contains("Tem azul?");
        assertThat(media.reference())
                .contains(
                        new MediaReference(Samples.MODA, "wamid.photo", Provider.FACEBOOK, false, "1420539718966254"));
        assertThat(views.get(3).detail().media()).as("a text has no media").isEmpty();
        assertThat(views)
                .allSatisfy(v -> assertThat(v.detail().lastCustomerMessage())
                        .as("the newest customer message of the thread, by provider time")
                        .contains(photoAt));
    }

    @Test
    void givenUnroutableMessagesWhenListedThenOnlyThoseNewestFirstWithTheirReason() {
        inbox.record(List.of(unroutable("wamid.u1", ANA, T0)), List.of());
        clock.advance(Duration.ofSeconds(1));
        inbox.record(List.of(unroutable("wamid.u2", ANA, T0), routed("wamid.r", ANA, T0)), List.of());

        List<UnroutableView> views = queries.unroutable(50);

        assertThat(views).extracting(UnroutableView::providerMessageId).containsExactly("wamid.u2", "wamid.u1");
        UnroutableView latest = views.get(0);
        assertThat(latest.id()).isEqualTo("in-2");
        assertThat(latest.reason()).isEqualTo("unknown_store_number");
        assertThat(latest.provider()).isEqualTo("facebook");
        assertThat(latest.from()).isEqualTo("5511988887777");
        assertThat(latest.to()).isEqualTo("5511933334444");
        assertThat(latest.phoneId()).contains(Samples.STORE_PHONE_ID);
        assertThat(latest.receivedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(queries.unroutable(1)).hasSize(1);
    }

    @Test
    void givenTenantWithoutMessagesWhenListedThenEmpty() {
        assertThat(queries.forTenant(new TenantId("nobody"), 50)).isEmpty();
        assertThat(queries.unroutable(50)).isEmpty();
    }

    private long partId() {
        return db.inRead(h -> h.createQuery("SELECT id FROM outbound_messages")
                .mapTo(Long.class)
                .one());
    }
}
