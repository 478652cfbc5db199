package com.vendin.whatsapp.persistence.send;

import static com.vendin.whatsapp.persistence.testing.TestDatabases.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.message.JdbiInbox;
import com.vendin.whatsapp.persistence.message.JdbiOutboundQueue;
import com.vendin.whatsapp.persistence.query.JdbiMessageQueries;
import com.vendin.whatsapp.persistence.testing.Backend;
import com.vendin.whatsapp.persistence.testing.MutableClock;
import com.vendin.whatsapp.persistence.testing.Samples;
import com.vendin.whatsapp.persistence.testing.Sql;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.delivery.OutboundContent;
import com.vendin.whatsapp.ports.delivery.PendingPart;
import com.vendin.whatsapp.ports.delivery.ReplyRoute;
import com.vendin.whatsapp.ports.inbound.InboundState;
import com.vendin.whatsapp.ports.query.MessageView;
import com.vendin.whatsapp.ports.send.SendReceipt;
import com.vendin.whatsapp.ports.send.SendStore;
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

/** Tenant-initiated parts in the outbound queue and idempotency keys, on SQLite and PostgreSQL. */
@ParameterizedClass
@EnumSource(Backend.class)
class JdbiSendStoreTest {
    private static final TenantId MODA = Samples.MODA;
    private static final String ANA = "+5511988887777";
    private static final ReplyRoute ROUTE =
            new ReplyRoute(Provider.FACEBOOK, false, Optional.of("109876543210"), "5511988887777");
    private static final OutboundContent TEMPLATE = new OutboundContent.MetaTemplate(
            "order_update",
            "pt_BR",
            Optional.of("[{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"Ana\"}]}]"));

    @Parameter
    Backend backend;

    @TempDir
    Path dir;

    private Database db;
    private JdbiSendStore store;
    private JdbiOutboundQueue outbound;
    private final MutableClock clock = new MutableClock(T0);

    @BeforeEach
    void open() {
        db = backend.migrated(dir);
        store = new JdbiSendStore(db);
        outbound = new JdbiOutboundQueue(db);
        Sql.exec(
                db,
                "INSERT INTO tenants (id, subdomain, instance_url, instance_secret, created_at, updated_at) "
                        + "VALUES ('" + MODA.value() + "', 'moda', 'http://x', 'enc', 0, 0)");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void givenQueuedTextAndTemplateWhenClaimedThenTheyLeaveInOrderWithTheirTemplateAndAcceptanceNeedsNoInbound() {
        SendReceipt receipt = store.queue(send(
                "snd_1",
                Optional.empty(),
                T0,
                new SendStore.QueuedPart(new OutboundContent.Text("Seu pedido saiu")),
                new SendStore.QueuedPart(TEMPLATE)));

        assertThat(receipt.id()).isEqualTo("snd_1");
        assertThat(receipt.parts()).extracting(SendReceipt.Part::state).containsExactly("pending", "pending");
        PendingPart first = claimOne();
        assertThat(first.inboundId()).isZero();
        assertThat(first.text()).isEqualTo("Seu pedido saiu");
        assertThat(first.content()).isEqualTo(new OutboundContent.Text("Seu pedido saiu"));
        assertThat(first.route()).isEqualTo(ROUTE);
        assertThat("out-" + first.id()).isEqualTo(receipt.parts().get(0).id());
        assertThat(claim()).as("the next part waits for the first").isEmpty();
        outbound.markAccepted(first.id(), "wamid.S1", T0);
        PendingPart second = claimOne();
        assertThat(second.content()).isEqualTo(TEMPLATE);
        outbound.markAccepted(second.id(), "wamid.S2", T0);
        assertThat(Sql.strings(db, "SELECT state FROM outbound_messages ORDER BY id"))
                .containsExactly("sent", "sent");
        assertThat(Sql.string(db, "SELECT reply_to FROM outbound_messages WHERE id = ?", first.id()))
                .isEqualTo("wamid.IN");
    }

    @Test
    void givenAKeyWhenQueuedTwiceThenTheSecondQueuesNothingAndGetsTheFirstReceiptUntilTheKeyExpires() {
        SendStore.QueuedPart part = new SendStore.QueuedPart(new OutboundContent.Text("Oi"));
        SendReceipt first = store.queue(send("snd_1", Optional.of("k"), T0, part));

        SendReceipt again = store.queue(send("snd_2", Optional.of("k"), T0.plusSeconds(60), part));
        Instant nextDay = T0.plus(Duration.ofHours(24)).plusSeconds(1);
        SendReceipt afterExpiry = store.queue(send("snd_3", Optional.of("k"), nextDay, part));

        assertThat(again).isEqualTo(first);
        assertThat(store.findByKey(MODA, "k", T0.minusSeconds(1))).contains(afterExpiry);
        assertThat(afterExpiry.id()).isEqualTo("snd_3");
        assertThat(Sql.number(db, "SELECT COUNT(*) FROM outbound_messages")).isEqualTo(2);
        assertThat(Sql.number(db, "SELECT COUNT(*) FROM send_idempotency_keys")).isOne();
        assertThat(store.findByKey(MODA, "k", nextDay.plusSeconds(1)))
                .as("older than asked for")
                .isEmpty();
    }

    @Test
    void givenCustomerMessagesWhenAskedForTheLastOneThenTheNewestOfThatThreadIsFoundAndRepliesAreListed() {
        JdbiInbox inbox = new JdbiInbox(db, clock);
        inbox.record(
                List.of(
                        Samples.routed("wamid.IN", ANA, T0.minusSeconds(90)),
                        Samples.routed("wamid.IN2", ANA, T0.minusSeconds(30)),
                        Samples.routed(MODA, "wamid.X", "+5511977776666", T0, InboundState.RECEIVED)),
                List.of());

        assertThat(store.lastCustomerMessage(MODA, ANA)).contains(T0.minusSeconds(30));
        assertThat(store.lastCustomerMessage(MODA, "+5511900000000")).isEmpty();
        assertThat(store.lastCustomerMessage(new TenantId("other"), ANA)).isEmpty();
        assertThat(store.hasInbound(MODA, "wamid.IN")).isTrue();
        assertThat(store.hasInbound(new TenantId("other"), "wamid.IN")).isFalse();

        store.queue(send("snd_1", Optional.empty(), T0, new SendStore.QueuedPart(new OutboundContent.Text("Oi"))));
        List<MessageView> listed = new JdbiMessageQueries(db).forTenant(MODA, 10);
        MessageView part = listed.stream()
                .filter(m -> m.direction().equals("outbound"))
                .findFirst()
                .orElseThrow();
        assertThat(part.text()).isEqualTo("Oi");
        assertThat(part.state()).isEqualTo("pending");
        assertThat(part.inReplyTo())
                .contains("in-"
                        + Sql.number(db, "SELECT id FROM inbound_messages WHERE provider_message_id = 'wamid.IN'"));
    }

    private SendStore.QueuedSend send(String id, Optional<String> key, Instant now, SendStore.QueuedPart... parts) {
        return new SendStore.QueuedSend(
                id,
                MODA,
                ANA,
                ROUTE,
                List.of(parts),
                Optional.of("wamid.IN"),
                key,
                now,
                now.minus(Duration.ofHours(24)));
    }

    private List<PendingPart> claim() {
        return outbound.claimDue(T0.plusSeconds(1), Duration.ofMinutes(1), 10);
    }

    private PendingPart claimOne() {
        List<PendingPart> claimed = claim();
        assertThat(claimed).hasSize(1);
        return claimed.get(0);
    }
}
