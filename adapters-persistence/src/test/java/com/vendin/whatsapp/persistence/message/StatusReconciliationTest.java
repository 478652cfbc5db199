package com.vendin.whatsapp.persistence.message;

import static com.vendin.whatsapp.persistence.testing.Samples.routed;
import static com.vendin.whatsapp.persistence.testing.TestDatabases.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.persistence.testing.Backend;
import com.vendin.whatsapp.persistence.testing.Sql;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.delivery.PartCorrelation;
import com.vendin.whatsapp.ports.inbound.DeliveryStatus;
import com.vendin.whatsapp.ports.inbound.StatusUpdate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** A status carrying a part's correlation id records a send whose answer the gateway never recorded. */
@ParameterizedClass
@EnumSource(Backend.class)
class StatusReconciliationTest {
    @Parameter
    Backend backend;

    static final String ANA = "+5511988887777";
    static final Duration LEASE = Duration.ofSeconds(40);

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
    void givenLeasedPartWhoseAnswerWasLostWhenItsStatusArrivesThenAcceptedWithThatIdAndNeverClaimedAgain() {
        store.record(routed("a1", ANA, T0));
        store.deliver("a1", "only part");
        long part = store.outbound.claimDue(T0, LEASE, 10).get(0).id();

        store.statuses(correlated(Provider.FACEBOOK, "wamid.lost", DeliveryStatus.DELIVERED, part));
        store.outbound.markAccepted(part, "wamid.answer-after-the-status", T0);

        assertThat(store.partState(part)).isEqualTo("delivered");
        assertThat(providerId(part)).isEqualTo("wamid.lost");
        assertThat(store.inboundState("a1")).isEqualTo("replied");
        assertThat(store.outbound.claimDue(T0.plus(LEASE).plusSeconds(1), LEASE, 10))
                .isEmpty();
        assertThat(Sql.number(store.db, "SELECT COUNT(*) FROM early_statuses")).isZero();
    }

    @Test
    void givenPartWaitingForARetryWhenAFailedStatusOfAnEarlierAttemptArrivesThenFailedWithTheProvidersCode() {
        store.record(routed("a1", ANA, T0));
        store.deliver("a1", "only part");
        long part = store.outbound.claimDue(T0, LEASE, 10).get(0).id();
        store.outbound.retryLater(part, T0.plusSeconds(5), "internal_error", T0);

        store.statuses(new StatusUpdate(
                Provider.FACEBOOK,
                "wamid.first",
                DeliveryStatus.FAILED,
                T0,
                Optional.of("131026"),
                Optional.of("Message undeliverable"),
                Optional.of(PartCorrelation.of(part))));

        assertThat(store.partState(part)).isEqualTo("failed");
        assertThat(Sql.string(store.db, "SELECT error_code FROM outbound_messages WHERE id = ?", part))
                .isEqualTo("131026");
        assertThat(store.outbound.claimDue(T0.plusSeconds(10), LEASE, 10)).isEmpty();
    }

    @Test
    void givenCorrelationIdOfAnotherProvidersOrAnAcceptedPartWhenItsStatusArrivesThenKeptAsAnEarlyStatusOnly() {
        store.record(routed("a1", ANA, T0), routed("b1", "+5511977776666", T0));
        store.deliver("a1", "reply a");
        long pending = store.partIds("a1").get(0);
        long accepted = store.acceptedPart("b1", "wamid.b");

        store.statuses(
                correlated(Provider.TWILIO, "SM1", DeliveryStatus.SENT, pending),
                correlated(Provider.FACEBOOK, "wamid.again", DeliveryStatus.READ, accepted),
                correlated(Provider.FACEBOOK, "wamid.stranger", DeliveryStatus.SENT, 999_999));

        assertThat(store.partState(pending)).isEqualTo("pending");
        assertThat(providerId(accepted)).isEqualTo("wamid.b");
        assertThat(store.partState(accepted)).isEqualTo("sent");
        assertThat(Sql.number(store.db, "SELECT COUNT(*) FROM early_statuses")).isEqualTo(3);
    }

    @Test
    void givenStatusNamingAKnownIdWhenItAlsoCarriesAnotherPartsCorrelationIdThenOnlyTheKnownPartMoves() {
        store.record(routed("a1", ANA, T0), routed("b1", "+5511977776666", T0));
        store.deliver("a1", "reply a");
        long pending = store.partIds("a1").get(0);
        long accepted = store.acceptedPart("b1", "wamid.b");

        store.statuses(correlated(Provider.FACEBOOK, "wamid.b", DeliveryStatus.DELIVERED, pending));

        assertThat(store.partState(accepted)).isEqualTo("delivered");
        assertThat(store.partState(pending)).isEqualTo("pending");
    }

    private String providerId(long part) {
        return Sql.string(store.db, "SELECT provider_message_id FROM outbound_messages WHERE id = ?", part);
    }

    private static StatusUpdate correlated(Provider provider, String id, DeliveryStatus status, long partId) {
        return new StatusUpdate(
                provider, id, status, T0, Optional.empty(), Optional.empty(), Optional.of(PartCorrelation.of(partId)));
    }
}
