package com.vendin.whatsapp.persistence.message;

import static com.vendin.whatsapp.persistence.message.MessageStore.status;
import static com.vendin.whatsapp.persistence.testing.Samples.routed;
import static com.vendin.whatsapp.persistence.testing.TestDatabases.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.persistence.db.WritePurpose;
import com.vendin.whatsapp.persistence.testing.Backend;
import com.vendin.whatsapp.persistence.testing.Samples;
import com.vendin.whatsapp.persistence.testing.Sql;
import com.vendin.whatsapp.ports.inbound.DeliveryStatus;
import com.vendin.whatsapp.ports.status.TenantStatusEvent;
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

/** The tenant status outbox (CONTRACT §3.4) over the outbound queue's changes of state, on SQLite and PostgreSQL. */
@ParameterizedClass
@EnumSource(Backend.class)
class JdbiStatusOutboxTest {
    static final String ANA = "+5511988887777";
    static final String BIA = "+5511977776666";
    static final Duration LEASE = Duration.ofMinutes(1);

    @Parameter
    Backend backend;

    @TempDir
    Path dir;

    MessageStore store;
    JdbiStatusOutbox outbox;

    @BeforeEach
    void open() {
        store = new MessageStore(backend, dir);
        outbox = new JdbiStatusOutbox(store.db);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void givenAcceptedPartMovedOnWhenClaimedThenItsChangesComeOneAtATimeInOrderAndNoRegressionIsRecorded() {
        store.record(routed("a1", ANA, T0));
        long part = store.acceptedPart("a1", "wamid.a");
        store.statuses(status("wamid.a", DeliveryStatus.DELIVERED));
        store.statuses(status("wamid.a", DeliveryStatus.READ));
        store.statuses(status("wamid.a", DeliveryStatus.DELIVERED), status("wamid.a", DeliveryStatus.SENT));

        List<TenantStatusEvent> first = outbox.claimDue(T0, LEASE, 10);
        assertThat(first).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(e.partId()).isEqualTo("out-" + part);
            assertThat(e.tenantId()).isEqualTo(Samples.MODA);
            assertThat(e.replyTo()).contains("a1");
            assertThat(e.errorCode()).isEmpty();
            assertThat(e.attempts()).isZero();
        });
        assertThat(outbox.claimDue(T0, LEASE, 10))
                .as("the part's next event waits for the first")
                .isEmpty();
        outbox.markDelivered(first.get(0).id(), T0);
        TenantStatusEvent second = outbox.claimDue(T0, LEASE, 10).get(0);
        assertThat(second.status()).isEqualTo(DeliveryStatus.DELIVERED);
        outbox.markDelivered(second.id(), T0);
        TenantStatusEvent third = outbox.claimDue(T0, LEASE, 10).get(0);
        assertThat(third.status()).isEqualTo(DeliveryStatus.READ);
        outbox.markDelivered(third.id(), T0);

        assertThat(outbox.claimDue(T0, LEASE, 10)).isEmpty();
        assertThat(Sql.number(store.db, "SELECT COUNT(*) FROM tenant_status_events"))
                .isEqualTo(3);
    }

    @Test
    void givenDeliveredEventsWhenMarkedThenNothingIsWrittenUntilTheNextClaimWhichWritesThemAllInItsTransaction() {
        store.record(routed("a1", ANA, T0), routed("b1", BIA, T0));
        store.acceptedPart("a1", "wamid.a");
        store.acceptedPart("b1", "wamid.b");
        List<TenantStatusEvent> claimed = outbox.claimDue(T0, LEASE, 10);
        long writes = store.db.committedWrites(WritePurpose.STATUS_EVENTS);

        claimed.forEach(event -> outbox.markDelivered(event.id(), T0));

        assertThat(store.db.committedWrites(WritePurpose.STATUS_EVENTS)).isEqualTo(writes);
        assertThat(Sql.number(store.db, "SELECT COUNT(*) FROM tenant_status_events WHERE state = 'delivered'"))
                .isZero();
        assertThat(outbox.claimDue(T0, LEASE, 10)).isEmpty();
        assertThat(store.db.committedWrites(WritePurpose.STATUS_EVENTS)).isEqualTo(writes + 1);
        assertThat(Sql.number(store.db, "SELECT COUNT(*) FROM tenant_status_events WHERE state = 'delivered'"))
                .isEqualTo(2);
        assertThat(outbox.claimDue(T0.plus(LEASE), LEASE, 10))
                .as("delivered events are never claimed again")
                .isEmpty();
    }

    @Test
    void givenTwoPartsWhenClaimedThenEachPartsHeadComesAtOnceAndALeasedHeadIsNotClaimedAgainUntilReleased() {
        store.record(routed("a1", ANA, T0), routed("b1", BIA, T0));
        store.acceptedPart("a1", "wamid.a");
        store.acceptedPart("b1", "wamid.b");

        assertThat(outbox.claimDue(T0, LEASE, 10))
                .extracting(TenantStatusEvent::replyTo)
                .containsExactlyInAnyOrder(Optional.of("a1"), Optional.of("b1"));
        assertThat(outbox.claimDue(T0.plus(LEASE).minusMillis(1), LEASE, 10)).isEmpty();
        assertThat(outbox.claimDue(T0.plus(LEASE), LEASE, 10)).hasSize(2);
        assertThat(outbox.releaseLeases()).isEqualTo(2);
        assertThat(outbox.claimDue(T0, LEASE, 10)).hasSize(2);
    }

    @Test
    void givenFailedNotificationWhenRetriedLaterThenDueOnlyThenWithItsAttemptAndDeadLetsThePartGoOn() {
        store.record(routed("a1", ANA, T0));
        store.acceptedPart("a1", "wamid.a");
        store.statuses(status("wamid.a", DeliveryStatus.DELIVERED));
        TenantStatusEvent sent = outbox.claimDue(T0, LEASE, 10).get(0);
        Instant next = T0.plusSeconds(3);

        outbox.retryLater(sent.id(), next, "tenant answered HTTP 500", T0);

        assertThat(outbox.claimDue(next.minusMillis(1), LEASE, 10)).isEmpty();
        TenantStatusEvent again = outbox.claimDue(next, LEASE, 10).get(0);
        assertThat(again.id()).isEqualTo(sent.id());
        assertThat(again.attempts()).isEqualTo(1);
        outbox.markDead(again.id(), "tenant answered HTTP 500", next);
        assertThat(outbox.claimDue(next, LEASE, 10))
                .extracting(TenantStatusEvent::status)
                .containsExactly(DeliveryStatus.DELIVERED);
    }

    @Test
    void givenMoreThanAPageOfEventsWaitingBehindRetriedOnesWhenClaimedThenTheHeadBehindThemComesOut() {
        int parts = 70; // a tenant whose status endpoint is down: each part's first event waits to be retried
        for (int i = 0; i < parts; i++) {
            String from = "+55119" + (70000000 + i);
            store.record(routed("m" + i, from, T0));
            store.acceptedPart("m" + i, "wamid.m" + i);
            store.statuses(status("wamid.m" + i, DeliveryStatus.DELIVERED));
        }
        List<TenantStatusEvent> sent = outbox.claimDue(T0, LEASE, 100);
        assertThat(sent).hasSize(parts);
        Instant later = T0.plusSeconds(3600);
        sent.forEach(event -> outbox.retryLater(event.id(), later, "tenant answered HTTP 503", T0));
        store.record(routed("z", ANA, T0));
        store.acceptedPart("z", "wamid.z");

        List<TenantStatusEvent> behind = outbox.claimDue(T0, LEASE, 10);
        assertThat(behind)
                .as("the due events of the retried parts are no heads; the part behind them is not held up")
                .extracting(TenantStatusEvent::replyTo)
                .containsExactly(java.util.Optional.of("z"));
        outbox.markDelivered(behind.get(0).id(), T0);
        assertThat(outbox.claimDue(later, LEASE, 100))
                .as("once due again, each retried part's first event and no later one")
                .hasSize(parts)
                .extracting(TenantStatusEvent::status)
                .containsOnly(DeliveryStatus.SENT);
    }

    @Test
    void givenDeclinedPartWhenItMovesOnThenNothingMoreIsQueuedForItButOtherPartsGoOn() {
        store.record(routed("a1", ANA, T0), routed("b1", BIA, T0));
        store.acceptedPart("a1", "wamid.a");
        store.statuses(status("wamid.a", DeliveryStatus.DELIVERED));
        TenantStatusEvent sent = outbox.claimDue(T0, LEASE, 10).get(0);

        outbox.decline(sent.id(), T0);
        store.statuses(status("wamid.a", DeliveryStatus.READ));
        store.acceptedPart("b1", "wamid.b");

        assertThat(outbox.claimDue(T0, LEASE, 10))
                .extracting(TenantStatusEvent::replyTo)
                .containsExactly(Optional.of("b1"));
        assertThat(Sql.number(store.db, "SELECT COUNT(*) FROM tenant_status_events WHERE state = 'declined'"))
                .isEqualTo(2);
    }

    @Test
    void givenRefusedSendOrFailedStatusWhenRecordedThenFailedWithTheProvidersCode() {
        store.record(routed("a1", ANA, T0), routed("b1", BIA, T0));
        store.deliver("a1", "one");
        store.outbound.markFailed(store.partIds("a1").get(0), "131026", "undeliverable", T0);
        store.acceptedPart("b1", "wamid.b");
        store.statuses(status("wamid.b", DeliveryStatus.FAILED));

        List<TenantStatusEvent> heads = outbox.claimDue(T0, LEASE, 10);
        assertThat(heads)
                .extracting(e -> e.replyTo().orElseThrow() + ":" + e.status().wireName() + ":"
                        + e.errorCode().orElse("-"))
                .containsExactlyInAnyOrder("a1:failed:131026", "b1:sent:-");
        heads.forEach(e -> outbox.markDelivered(e.id(), T0));
        assertThat(outbox.claimDue(T0, LEASE, 10))
                .extracting(e -> e.status().wireName() + ":" + e.errorCode().orElse("-"))
                .containsExactly("failed:131026");
    }
}
