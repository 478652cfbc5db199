package com.vendin.whatsapp.persistence.deadletter;

import static com.vendin.whatsapp.persistence.testing.Samples.routed;
import static com.vendin.whatsapp.persistence.testing.TestDatabases.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.message.JdbiDeliveryQueue;
import com.vendin.whatsapp.persistence.message.JdbiInbox;
import com.vendin.whatsapp.persistence.testing.Backend;
import com.vendin.whatsapp.persistence.testing.TestDatabases;
import com.vendin.whatsapp.ports.deadletter.DeadLetter;
import com.vendin.whatsapp.ports.delivery.PendingDelivery;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
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
        new JdbiInbox(db, Clock.fixed(T0, ZoneOffset.UTC)).record(List.of(routed("wamid.A", "+5511988887777", T0),
                routed("wamid.B", "+5511977776666", T0)), List.of());
        deliveries = new JdbiDeliveryQueue(db);
        deadLetters = new JdbiDeadLetterStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void givenADeadMessage_whenListed_thenItShowsWithItsAttemptsAndLastError() {
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
    void givenADeadMessage_whenRequeued_thenItIsClaimableAgainWithAttemptsReset_andOnlyOnce() {
        PendingDelivery a = claim("wamid.A");
        deliveries.deadLetter(a.id(), "http_400", T0);

        assertThat(deadLetters.requeue(a.id(), T0.plusSeconds(10))).isTrue();
        assertThat(deadLetters.requeue(a.id(), T0.plusSeconds(10))).as("no longer dead").isFalse();

        assertThat(deadLetters.list(50)).isEmpty();
        PendingDelivery again = claim("wamid.A", T0.plusSeconds(10));
        assertThat(again.attempts()).isZero();
    }

    @Test
    void givenAMessageThatIsNotDead_whenRequeued_thenNothingChanges() {
        PendingDelivery b = claim("wamid.B");

        assertThat(deadLetters.requeue(b.id(), T0)).isFalse();
        assertThat(deadLetters.requeue(999_999, T0)).isFalse();
    }

    private PendingDelivery claim(String providerId) {
        return claim(providerId, T0);
    }

    private PendingDelivery claim(String providerId, java.time.Instant now) {
        return deliveries.claimDue(now, LEASE, 10).stream()
                .filter(d -> d.message().providerMessageId().equals(providerId)).findFirst().orElseThrow();
    }
}
