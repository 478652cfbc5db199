package com.vendin.whatsapp.persistence.message;

import static com.vendin.whatsapp.persistence.message.MessageStore.status;
import static com.vendin.whatsapp.persistence.testing.Samples.routed;
import static com.vendin.whatsapp.persistence.testing.Samples.unroutable;
import static com.vendin.whatsapp.persistence.testing.TestDatabases.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vendin.whatsapp.persistence.db.WritePurpose;
import com.vendin.whatsapp.persistence.testing.Backend;
import com.vendin.whatsapp.persistence.testing.Samples;
import com.vendin.whatsapp.persistence.testing.Sql;
import com.vendin.whatsapp.ports.delivery.PendingDelivery;
import com.vendin.whatsapp.ports.inbound.DeliveryStatus;
import com.vendin.whatsapp.ports.inbound.InboundState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Backend.class)
class JdbiInboxTest {
    @Parameter
    Backend backend;

    static final String ANA = "+5511988887777";
    static final String BIA = "+5511977776666";

    @TempDir
    Path dir;

    MessageStore store;

    @BeforeEach
    void open() {
        store = new MessageStore(backend, dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void givenInboxWithAnAckHoldWhenRecordedThenNotClaimableUntilReleasedOrTheHoldRunsOut() {
        JdbiInbox held = new JdbiInbox(store.db, store.clock, JdbiInbox.ACK_HOLD);
        held.record(List.of(routed("wamid.H1", ANA, T0), routed("wamid.H2", BIA, T0)), List.of());

        assertThat(store.deliveries.claimDue(T0, Duration.ofMinutes(1), 10))
                .as("before the acknowledgement")
                .isEmpty();
        held.release(List.of("wamid.H1", "wamid.unknown"));

        assertThat(store.deliveries.claimDue(T0, Duration.ofMinutes(1), 10))
                .extracting(d -> d.message().providerMessageId())
                .containsExactly("wamid.H1");
        assertThat(store.deliveries.claimDue(T0.plus(JdbiInbox.ACK_HOLD), Duration.ofMinutes(1), 10))
                .as("never released: due when the hold runs out")
                .extracting(d -> d.message().providerMessageId())
                .containsExactly("wamid.H2");
    }

    @Test
    void givenInboxSharingAcknowledgementsWithTheQueueWhenReleasedThenTheNextClaimLiftsTheHoldInItsOwnWrite() {
        Acknowledgements acknowledgements = new Acknowledgements();
        JdbiInbox held = new JdbiInbox(store.db, store.clock, JdbiInbox.ACK_HOLD, acknowledgements);
        JdbiDeliveryQueue deliveries = new JdbiDeliveryQueue(store.db, acknowledgements);
        held.record(List.of(routed("wamid.H1", ANA, T0), routed("wamid.H2", BIA, T0)), List.of());
        long webhookWrites = store.db.committedWrites(WritePurpose.WEBHOOK);
        long claimWrites = store.db.committedWrites(WritePurpose.CLAIM);

        held.release(List.of("wamid.H1", "wamid.unknown"));
        assertThat(store.db.committedWrites(WritePurpose.WEBHOOK))
                .as("the release writes nothing itself")
                .isEqualTo(webhookWrites);

        assertThat(deliveries.claimDue(T0, Duration.ofMinutes(1), 10, 10))
                .extracting(d -> d.message().providerMessageId())
                .containsExactly("wamid.H1");
        assertThat(store.db.committedWrites(WritePurpose.CLAIM)).isEqualTo(claimWrites + 1);
        assertThat(deliveries.claimDue(T0, Duration.ofMinutes(1), 10, 10))
                .as("still held")
                .isEmpty();
        assertThat(deliveries.claimDue(T0.plus(JdbiInbox.ACK_HOLD), Duration.ofMinutes(1), 10, 10))
                .extracting(d -> d.message().providerMessageId())
                .containsExactly("wamid.H2");
    }

    @Test
    void givenNewMessagesWhenRecordedThenTheirIdsComeBackAndEveryFieldIsStored() {
        var entry = routed("wamid.1", ANA, T0.minusSeconds(3));

        assertThat(store.inbox.record(List.of(entry, routed("wamid.2", BIA, T0)), List.of()))
                .containsExactly("wamid.1", "wamid.2");

        List<PendingDelivery> claimed = store.deliveries.claimDue(T0, Duration.ofMinutes(1), 10);
        assertThat(claimed).hasSize(2);
        PendingDelivery first = claimed.get(0);
        assertThat(first.message()).isEqualTo(entry.message());
        assertThat(first.tenantId()).isEqualTo(Samples.MODA);
        assertThat(first.threadId()).isEqualTo(ANA);
        assertThat(first.attempts()).isZero();
        assertThat(store.inboundState("wamid.1")).isEqualTo("received");
    }

    @Test
    void givenRecordedIdWhenRecordedAgainAlsoTwiceInOneBatchThenSkippedAndNotReturned() {
        store.record(routed("wamid.1", ANA, T0));

        var again = store.inbox.record(
                List.of(routed("wamid.1", ANA, T0), routed("wamid.2", ANA, T0), routed("wamid.2", ANA, T0)), List.of());

        assertThat(again).containsExactly("wamid.2");
        assertThat(Sql.number(store.db, "SELECT COUNT(*) FROM inbound_messages"))
                .isEqualTo(2);
    }

    @Test
    void givenSomeRecordedIdsWhenAskedWhichAreKnownThenExactlyThose() {
        store.record(routed("wamid.1", ANA, T0), unroutable("wamid.2", ANA, T0));

        assertThat(store.inbox.known(List.of("wamid.1", "wamid.2", "wamid.3")))
                .containsExactlyInAnyOrder("wamid.1", "wamid.2");
        assertThat(store.inbox.known(List.of())).isEmpty();
    }

    @Test
    void givenRateLimitedAndUnroutableMessagesWhenRecordedThenStoredWithStateAndReasonAndNeverClaimable() {
        store.record(
                routed(Samples.MODA, "wamid.rl", ANA, T0, InboundState.RATE_LIMITED), unroutable("wamid.u", BIA, T0));

        assertThat(store.inboundState("wamid.rl")).isEqualTo("rate_limited");
        assertThat(store.inboundState("wamid.u")).isEqualTo("unroutable");
        assertThat(Sql.string(
                        store.db,
                        "SELECT unroutable_reason FROM inbound_messages WHERE provider_message_id = 'wamid.u'"))
                .isEqualTo("unknown_store_number");
        assertThat(store.deliveries.claimDue(T0.plusSeconds(3600), Duration.ofMinutes(1), 10))
                .isEmpty();
    }

    @Test
    void givenOneEntryTheDatabaseRefusesWhenBatchIsRecordedThenNothingOfTheBatchIsStored() {
        long part = store.acceptedPart(record("wamid.0"), "wamid.out");
        if (backend == Backend.SQLITE) {
            Sql.exec(
                    store.db,
                    "CREATE TRIGGER refuse BEFORE INSERT ON inbound_messages "
                            + "WHEN NEW.provider_message_id = 'wamid.poison' BEGIN SELECT RAISE(ABORT, 'refused'); END");
        } else {
            Sql.exec(
                    store.db,
                    "ALTER TABLE inbound_messages ADD CONSTRAINT refuse CHECK (provider_message_id <> 'wamid.poison')");
        }

        try {
            assertThatThrownBy(() -> store.inbox.record(
                            List.of(
                                    routed("wamid.1", ANA, T0),
                                    routed("wamid.poison", ANA, T0),
                                    routed("wamid.2", ANA, T0)),
                            List.of(
                                    status("wamid.out", DeliveryStatus.READ),
                                    status("wamid.unknown", DeliveryStatus.DELIVERED))))
                    .isInstanceOf(RuntimeException.class);
        } finally {
            if (backend == Backend.POSTGRES) {
                Sql.exec(store.db, "ALTER TABLE inbound_messages DROP CONSTRAINT refuse");
            }
        }

        assertThat(store.inbox.known(List.of("wamid.1", "wamid.2"))).isEmpty();
        assertThat(store.partState(part)).isEqualTo("sent");
        assertThat(Sql.number(store.db, "SELECT COUNT(*) FROM early_statuses")).isZero();
    }

    @Test
    void givenSentPartWhenStatusesArriveInOrderThenItMovesForward() {
        long part = store.acceptedPart(record("wamid.0"), "wamid.out");

        store.statuses(status("wamid.out", DeliveryStatus.DELIVERED));
        assertThat(store.partState(part)).isEqualTo("delivered");
        store.statuses(status("wamid.out", DeliveryStatus.READ));
        assertThat(store.partState(part)).isEqualTo("read");
    }

    @Test
    void givenReadPartWhenOlderStatusesArriveLateThenItNeverMovesBack() {
        long part = store.acceptedPart(record("wamid.0"), "wamid.out");

        store.inbox.record(
                List.of(),
                List.of(
                        status("wamid.out", DeliveryStatus.READ),
                        status("wamid.out", DeliveryStatus.DELIVERED),
                        status("wamid.out", DeliveryStatus.SENT)));

        assertThat(store.partState(part)).isEqualTo("read");
    }

    @Test
    void givenSentPartWhenFailedArrivesThenFailedWithCodeAndTerminal() {
        long part = store.acceptedPart(record("wamid.0"), "wamid.out");

        store.statuses(status("wamid.out", DeliveryStatus.FAILED));
        store.statuses(status("wamid.out", DeliveryStatus.READ));

        assertThat(store.partState(part)).isEqualTo("failed");
        assertThat(store.partErrorCode(part)).isEqualTo("131026");
    }

    @Test
    void givenDeliveredPartWhenFailedArrivesLateThenItStaysDelivered() {
        long part = store.acceptedPart(record("wamid.0"), "wamid.out");

        store.statuses(status("wamid.out", DeliveryStatus.DELIVERED));
        store.statuses(status("wamid.out", DeliveryStatus.FAILED));

        assertThat(store.partState(part)).isEqualTo("delivered");
        assertThat(Sql.strings(store.db, "SELECT error_code FROM outbound_messages WHERE id = ?", part))
                .containsExactly((String) null);
    }

    @Test
    void givenStatusesForUnknownIdsWhenRecordedThenKeptAndMergedMonotonically() {
        store.statuses(
                status("wamid.later", DeliveryStatus.READ),
                status("wamid.later", DeliveryStatus.DELIVERED),
                status("wamid.other", DeliveryStatus.SENT));
        store.statuses(status("wamid.other", DeliveryStatus.DELIVERED));

        assertThat(Sql.strings(
                        store.db,
                        "SELECT provider_message_id || '=' || status FROM early_statuses "
                                + "ORDER BY provider_message_id"))
                .containsExactly("wamid.later=read", "wamid.other=delivered");
    }

    @Test
    void givenEarlyStatusOlderThanADayWhenMoreStatusesArriveThenItIsDropped() {
        store.statuses(status("wamid.stale", DeliveryStatus.DELIVERED));
        store.clock.advance(Duration.ofDays(1).plusSeconds(1));

        store.statuses(status("wamid.fresh", DeliveryStatus.DELIVERED));

        assertThat(Sql.strings(store.db, "SELECT provider_message_id FROM early_statuses"))
                .containsExactly("wamid.fresh");
    }

    private String record(String providerId) {
        store.record(routed(providerId, ANA, T0));
        return providerId;
    }
}
