package com.vendin.whatsapp.persistence.query;

import static com.vendin.whatsapp.persistence.testing.Samples.routed;
import static com.vendin.whatsapp.persistence.testing.Samples.unroutable;
import static com.vendin.whatsapp.persistence.testing.TestDatabases.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.message.JdbiDeliveryQueue;
import com.vendin.whatsapp.persistence.message.JdbiInbox;
import com.vendin.whatsapp.persistence.message.JdbiOutboundQueue;
import com.vendin.whatsapp.persistence.testing.Backend;
import com.vendin.whatsapp.persistence.testing.MutableClock;
import com.vendin.whatsapp.persistence.testing.Samples;
import com.vendin.whatsapp.persistence.testing.TestDatabases;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.delivery.PendingDelivery;
import com.vendin.whatsapp.ports.delivery.ReplyRoute;
import com.vendin.whatsapp.ports.inbound.InboundState;
import com.vendin.whatsapp.ports.query.MessageView;
import com.vendin.whatsapp.ports.query.UnroutableView;
import com.vendin.whatsapp.ports.tenant.TenantId;
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
    static final ReplyRoute ROUTE = new ReplyRoute(Provider.FACEBOOK, false, Optional.of("109876543210"), "5511988887777");

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
    void givenMessagesAndAReplyPart_whenListedForTheTenant_thenTogetherNewestFirstWithTheirFields() {
        inbox.record(List.of(routed("wamid.1", ANA, T0.minusSeconds(30))), List.of());
        clock.advance(Duration.ofSeconds(1));
        inbox.record(List.of(routed(Samples.MODA, "wamid.2", ANA, T0, InboundState.RATE_LIMITED)), List.of());
        inbox.record(List.of(routed(new TenantId("shop"), "wamid.other", ANA, T0, InboundState.RECEIVED)), List.of());
        JdbiDeliveryQueue deliveries = new JdbiDeliveryQueue(db);
        PendingDelivery first = deliveries.claimDue(T0, Duration.ofMinutes(1), 10).stream()
                .filter(d -> d.tenantId().equals(Samples.MODA)).findFirst().orElseThrow();
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
        assertThat(queries.forTenant(Samples.MODA, 2)).extracting(MessageView::id).containsExactly("out-1", "in-2");
    }

    @Test
    void givenUnroutableMessages_whenListed_thenOnlyThoseNewestFirstWithTheirReason() {
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
    void givenTenantWithoutMessages_whenListed_thenEmpty() {
        assertThat(queries.forTenant(new TenantId("nobody"), 50)).isEmpty();
        assertThat(queries.unroutable(50)).isEmpty();
    }

    private long partId() {
        return db.inRead(h -> h.createQuery("SELECT id FROM outbound_messages").mapTo(Long.class).one());
    }
}
