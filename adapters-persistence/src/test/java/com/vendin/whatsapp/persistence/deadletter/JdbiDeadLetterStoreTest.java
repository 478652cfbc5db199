package com.vendin.whatsapp.persistence.deadletter;

import static com.vendin.whatsapp.persistence.testing.Samples.routed;
import static com.vendin.whatsapp.persistence.testing.TestDatabases.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.message.JdbiDeliveryQueue;
import com.vendin.whatsapp.persistence.message.JdbiInbox;
import com.vendin.whatsapp.persistence.message.JdbiOutboundQueue;
import com.vendin.whatsapp.persistence.testing.Backend;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.deadletter.DeadLetter;
import com.vendin.whatsapp.ports.delivery.PendingDelivery;
import com.vendin.whatsapp.ports.delivery.PendingPart;
import com.vendin.whatsapp.ports.delivery.ReplyRoute;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
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
class JdbiDeadLetterStoreTest {
    @Parameter
    Backend backend;

    private static final Duration LEASE = Duration.ofMinutes(1);

    @TempDir
    Path dir;

    private Database db;
    private JdbiDeliveryQueue deliveries;
    private JdbiDeadLetterStore deadLetters;

    @BeforeEach
    void open() {
        db = backend.migrated(dir);
        new JdbiInbox(db, Clock.fixed(T0, ZoneOffset.UTC))
                .record(
                        List.of(routed("wamid.A", "+5511988887777", T0), routed("wamid.B", "+5511977776666", T0)),
                        List.of());
        deliveries = new JdbiDeliveryQueue(db);
        deadLetters = new JdbiDeadLetterStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void givenADeadMessageWhenListedThenItShowsWithItsAttemptsAndLastError() {
        PendingDelivery a = claim("wamid.A");
        deliveries.retryLater(a.id(), T0, "http_503", T0);
        deliveries.deadLetter(claim("wamid.A").id(), "http_400", T0.plusSeconds(5));

        List<DeadLetter> listed = deadLetters.list(50);

        assertThat(listed).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo("in-" + a.id());
            assertThat(d.providerMessageId()).isEqualTo("wamid.A");
            assertThat(d.tenantId()).isEqualTo("moda-brasil");
            assertThat(d.attempts()).isEqualTo(2);
            assertThat(d.lastError()).contains("http_400");
            assertThat(d.deadAt()).isEqualTo(T0.plusSeconds(5));
        });
    }

    @Test
    void givenADeadMessageWhenRequeuedThenItIsClaimableAgainWithAttemptsResetAndOnlyOnce() {
        PendingDelivery a = claim("wamid.A");
        deliveries.deadLetter(a.id(), "http_400", T0);

        assertThat(deadLetters.requeue(a.id(), T0.plusSeconds(10))).isTrue();
        assertThat(deadLetters.requeue(a.id(), T0.plusSeconds(10)))
                .as("no longer dead")
                .isFalse();

        assertThat(deadLetters.list(50)).isEmpty();
        PendingDelivery again = claim("wamid.A", T0.plusSeconds(10));
        assertThat(again.attempts()).isZero();
    }

    @Test
    void givenAMessageThatIsNotDeadWhenRequeuedThenNothingChanges() {
        PendingDelivery b = claim("wamid.B");

        assertThat(deadLetters.requeue(b.id(), T0)).isFalse();
        assertThat(deadLetters.requeue(999_999, T0)).isFalse();
    }

    @Test
    void
            givenAReplyPartTheProviderRefused_whenListedAndRequeued_thenKindSendAndPendingAgainOnce_butAnAcceptedPartNever() {
        deliveries.complete(
                claim("wamid.A").id(),
                new ReplyRoute(Provider.FACEBOOK, false, Optional.of("109876543210"), "5511988887777"),
                List.of("first part", "second part"),
                T0);
        JdbiOutboundQueue outbound = new JdbiOutboundQueue(db);
        List<PendingPart> first = outbound.claimDue(T0, LEASE, 10);
        outbound.markFailed(first.get(0).id(), "131026", "Message undeliverable", T0.plusSeconds(1));
        List<PendingPart> second = outbound.claimDue(T0.plusSeconds(2), LEASE, 10);
        outbound.markAccepted(second.get(0).id(), "wamid.OUT2", T0.plusSeconds(3));
        long refused = first.get(0).id();
        long accepted = second.get(0).id();

        assertThat(deadLetters.list(50)).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo("out-" + refused);
            assertThat(d.kind()).isEqualTo(DeadLetter.SEND);
            assertThat(d.text()).isEqualTo("first part");
            assertThat(d.to()).contains("5511988887777");
            assertThat(d.providerMessageId()).isEqualTo("wamid.A");
            assertThat(d.lastError()).contains("131026: Message undeliverable");
            assertThat(d.deadAt()).isEqualTo(T0.plusSeconds(1));
        });
        assertThat(deadLetters.requeuePart(accepted, T0.plusSeconds(5)))
                .as("accepted: never sent again")
                .isFalse();
        assertThat(deadLetters.requeuePart(refused, T0.plusSeconds(5))).isTrue();
        assertThat(deadLetters.requeuePart(refused, T0.plusSeconds(5)))
                .as("pending again, no longer failed")
                .isFalse();
        assertThat(deadLetters.list(50)).isEmpty();
        assertThat(outbound.claimDue(T0.plusSeconds(5), LEASE, 10))
                .singleElement()
                .satisfies(p -> assertThat(p.id()).isEqualTo(refused));
    }

    private PendingDelivery claim(String providerId) {
        return claim(providerId, T0);
    }

    private PendingDelivery claim(String providerId, java.time.Instant now) {
        return deliveries.claimDue(now, LEASE, 10).stream()
                .filter(d -> d.message().providerMessageId().equals(providerId))
                .findFirst()
                .orElseThrow();
    }
}
