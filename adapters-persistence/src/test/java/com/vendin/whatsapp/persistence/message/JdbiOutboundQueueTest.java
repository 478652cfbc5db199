package com.vendin.whatsapp.persistence.message;

import static com.vendin.whatsapp.persistence.message.MessageStore.status;
import static com.vendin.whatsapp.persistence.testing.Samples.routed;
import static com.vendin.whatsapp.persistence.testing.TestDatabases.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.persistence.testing.Backend;
import com.vendin.whatsapp.persistence.testing.Samples;
import com.vendin.whatsapp.persistence.testing.Sql;
import com.vendin.whatsapp.ports.delivery.PendingPart;
import com.vendin.whatsapp.ports.inbound.DeliveryStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Backend.class)
class JdbiOutboundQueueTest {
    @Parameter
    Backend backend;

    static final String ANA = "+5511988887777";
    static final String BIA = "+5511977776666";
    static final Duration LEASE = Duration.ofMinutes(1);

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
    void givenReplyInThreePartsWhenClaimedThenOnePartAtATimeInOrderWithItsRoute() {
        store.record(routed("a1", ANA, T0));
        store.deliver("a1", "one", "two", "three");
        List<String> sent = new ArrayList<>();

        for (int i = 0; i < 3; i++) {
            List<PendingPart> claimed = claim(T0);
            assertThat(claimed).hasSize(1);
            PendingPart part = claimed.get(0);
            assertThat(part.route()).isEqualTo(MessageStore.ROUTE);
            assertThat(part.tenantId()).isEqualTo(Samples.MODA);
            assertThat(part.inboundId()).isEqualTo(store.inboundId("a1"));
            assertThat(part.partIndex()).isEqualTo(i);
            assertThat(part.partCount()).isEqualTo(3);
            sent.add(part.text());
            store.outbound.markAccepted(part.id(), "wamid.out" + i, T0);
        }

        assertThat(sent).containsExactly("one", "two", "three");
        assertThat(claim(T0)).isEmpty();
    }

    @Test
    void givenTwoRepliesInOneThreadWhenClaimedThenTheLaterReplyWaitsForTheEarlierOnesParts() {
        store.record(routed("a1", ANA, T0), routed("a2", ANA, T0.plusSeconds(1)), routed("b1", BIA, T0));
        store.deliver("a1", "a1 one", "a1 two");
        store.deliver("a2", "a2 one");
        store.deliver("b1", "b1 one");

        List<PendingPart> first = claim(T0);
        assertThat(texts(first)).containsExactlyInAnyOrder("a1 one", "b1 one");
        first.forEach(p -> store.outbound.markAccepted(p.id(), "wamid." + p.id(), T0));
        List<PendingPart> second = claim(T0);
        assertThat(texts(second)).containsExactly("a1 two");
        store.outbound.markAccepted(second.get(0).id(), "wamid.x", T0);
        assertThat(texts(claim(T0))).containsExactly("a2 one");
    }

    @Test
    void givenEveryPartAcceptedWhenTheLastIsMarkedThenPartsSentAndInboundReplied() {
        store.record(routed("a1", ANA, T0));
        store.deliver("a1", "one", "two");
        List<Long> parts = store.partIds("a1");

        store.outbound.markAccepted(parts.get(0), "wamid.1", T0);
        assertThat(store.inboundState("a1")).isEqualTo("forwarded");
        store.outbound.markAccepted(parts.get(1), "wamid.2", T0);

        assertThat(store.inboundState("a1")).isEqualTo("replied");
        assertThat(store.partState(parts.get(0))).isEqualTo("sent");
        assertThat(Sql.string(store.db, "SELECT provider_message_id FROM outbound_messages WHERE id = ?", parts.get(1)))
                .isEqualTo("wamid.2");
    }

    @Test
    void givenStatusThatArrivedBeforeTheSendWasRecordedWhenAcceptedThenTheFurtherStatusIsKeptAndConsumed() {
        store.record(routed("a1", ANA, T0), routed("b1", BIA, T0));
        store.deliver("a1", "one");
        store.deliver("b1", "one");
        store.statuses(status("wamid.a", DeliveryStatus.DELIVERED), status("wamid.b", DeliveryStatus.SENT));

        store.outbound.markAccepted(store.partIds("a1").get(0), "wamid.a", T0);
        store.outbound.markAccepted(store.partIds("b1").get(0), "wamid.b", T0);

        assertThat(store.partState(store.partIds("a1").get(0))).isEqualTo("delivered");
        assertThat(store.partState(store.partIds("b1").get(0))).isEqualTo("sent");
        assertThat(Sql.number(store.db, "SELECT COUNT(*) FROM early_statuses")).isZero();
        assertThat(store.inboundState("a1")).isEqualTo("replied");
    }

    @Test
    void givenEarlyFailedStatusWhenAcceptedThenFailedWithTheProvidersCode() {
        store.record(routed("a1", ANA, T0));
        store.deliver("a1", "one");
        store.statuses(status("wamid.a", DeliveryStatus.FAILED));
        long part = store.partIds("a1").get(0);

        store.outbound.markAccepted(part, "wamid.a", T0);

        assertThat(store.partState(part)).isEqualTo("failed");
        assertThat(store.partErrorCode(part)).isEqualTo("131026");
    }

    @Test
    void givenFailedSendWhenRetriedLaterThenCountedWithItsCodeAndDueOnlyThen() {
        store.record(routed("a1", ANA, T0));
        store.deliver("a1", "one");
        PendingPart part = claim(T0).get(0);
        Instant next = T0.plusSeconds(5);

        store.outbound.retryLater(part.id(), next, "131000", T0);

        assertThat(claim(next.minusMillis(1))).isEmpty();
        PendingPart again = claim(next).get(0);
        assertThat(again.attempts()).isEqualTo(1);
        assertThat(store.partErrorCode(part.id())).isEqualTo("131000");
    }

    @Test
    void givenRefusedPartWhenMarkedFailedThenFailedAndTheNextPartGoesWhileInboundStaysForwarded() {
        store.record(routed("a1", ANA, T0));
        store.deliver("a1", "one", "two");
        PendingPart part = claim(T0).get(0);

        store.outbound.markFailed(part.id(), "131026", "undeliverable", T0);

        assertThat(store.partState(part.id())).isEqualTo("failed");
        assertThat(Sql.string(
                        store.db,
                        "SELECT error_code || ' ' || error_detail || ' ' || attempts FROM outbound_messages "
                                + "WHERE id = ?",
                        part.id()))
                .isEqualTo("131026 undeliverable 1");
        assertThat(texts(claim(T0))).containsExactly("two");
        assertThat(store.inboundState("a1")).isEqualTo("forwarded");
    }

    @Test
    void givenLeasedPartWhenLeaseRunsOutOrLeasesAreReleasedThenClaimableAgain() {
        store.record(routed("a1", ANA, T0));
        store.deliver("a1", "one");
        claim(T0);

        assertThat(claim(T0.plus(LEASE).minusMillis(1))).isEmpty();
        assertThat(claim(T0.plus(LEASE))).hasSize(1);
        assertThat(store.outbound.releaseLeases()).isEqualTo(1);
        assertThat(claim(T0)).hasSize(1);
    }

    @Test
    void givenPartAlreadyAcceptedWhenAcceptedAgainThenTheFirstProviderIdStays() {
        store.record(routed("a1", ANA, T0));
        store.deliver("a1", "one");
        long part = store.partIds("a1").get(0);
        store.outbound.markAccepted(part, "wamid.first", T0);

        store.outbound.markAccepted(part, "wamid.second", T0);

        assertThat(Sql.string(store.db, "SELECT provider_message_id FROM outbound_messages WHERE id = ?", part))
                .isEqualTo("wamid.first");
    }

    @Test
    void givenManyPendingPartsWhenSeveralWorkersClaimAtOnceThenNoPartIsClaimedTwice() throws Exception {
        for (int t = 0; t < 20; t++) {
            String id = "m" + t;
            store.record(routed(id, "+55119000000" + (10 + t), T0));
            store.deliver(id, "one", "two", "three");
        }
        List<Long> claimed = Collections.synchronizedList(new ArrayList<>());
        ExecutorService workers = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Void>> done = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            done.add(workers.submit((Callable<Void>) () -> {
                start.await();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (claimed.size() < 60 && System.nanoTime() < deadline) {
                    for (PendingPart p : store.outbound.claimDue(T0, LEASE, 4)) {
                        claimed.add(p.id());
                        store.outbound.markAccepted(p.id(), "wamid." + p.id(), T0);
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<Void> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        workers.shutdown();

        assertThat(claimed).hasSize(60);
        assertThat(new HashSet<>(claimed)).hasSize(60);
        assertThat(Sql.number(store.db, "SELECT COUNT(*) FROM inbound_messages WHERE state = 'replied'"))
                .isEqualTo(20);
    }

    private List<PendingPart> claim(Instant now) {
        return store.outbound.claimDue(now, LEASE, 10);
    }

    private static List<String> texts(List<PendingPart> parts) {
        return parts.stream().map(PendingPart::text).toList();
    }
}
