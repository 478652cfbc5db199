package com.vendin.whatsapp.persistence.message;

import static com.vendin.whatsapp.persistence.message.MessageStore.ROUTE;
import static com.vendin.whatsapp.persistence.testing.Samples.routed;
import static com.vendin.whatsapp.persistence.testing.TestDatabases.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.persistence.testing.Backend;
import com.vendin.whatsapp.persistence.testing.Sql;
import com.vendin.whatsapp.ports.delivery.PendingDelivery;
import com.vendin.whatsapp.ports.inbound.InboundState;
import com.vendin.whatsapp.ports.inbound.InboxEntry;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
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
class JdbiDeliveryQueueTest {
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
    void givenThreadWhoseEarlierStampedMessageArrivedLaterWhenClaimedThenOnlyEachThreadsEarliestComesOut() {
        store.record(routed("ana.late", ANA, T0.plusSeconds(10)), routed("bia.1", BIA, T0));
        store.record(routed("ana.early", ANA, T0.plusSeconds(5)));

        assertThat(ids(claim(T0, 10))).containsExactlyInAnyOrder("ana.early", "bia.1");
        assertThat(claim(T0, 10)).isEmpty();
    }

    @Test
    void givenOneTenantHoldingItsCapWhenClaimedThenOnlyOtherTenantsComeOutUntilOneOfItsLeasesEnds() {
        for (int i = 0; i < 5; i++) {
            store.record(routed("moda." + i, "+55119888870" + (10 + i), T0.plusSeconds(i)));
        }
        store.record(routed(new TenantId("shop"), "shop.1", ANA, T0.plusSeconds(9), InboundState.RECEIVED));

        List<PendingDelivery> first = store.deliveries.claimDue(T0, LEASE, 3, 2);

        assertThat(ids(first)).containsExactly("moda.0", "moda.1", "shop.1");
        assertThat(store.deliveries.claimDue(T0, LEASE, 10, 2)).isEmpty();
        store.deliveries.retryLater(first.get(0).id(), T0.plusSeconds(30), "http_503", T0);
        assertThat(ids(store.deliveries.claimDue(T0, LEASE, 10, 2))).containsExactly("moda.2");
        assertThat(ids(store.deliveries.claimDue(T0.plus(LEASE), LEASE, 10, 2)))
                .as("expired leases no longer count")
                .containsExactly("moda.1", "moda.2", "shop.1");
    }

    @Test
    void givenSameProviderTimestampWhenClaimedThenArrivalOrderDecides() {
        store.record(routed("first", ANA, T0), routed("second", ANA, T0));

        assertThat(ids(claim(T0, 10))).containsExactly("first");
    }

    @Test
    void givenSameSenderInTwoTenantsWhenClaimedThenTheyAreTwoThreads() {
        store.record(routed("moda", ANA, T0), routed(new TenantId("shop"), "shop", ANA, T0, InboundState.RECEIVED));

        assertThat(ids(claim(T0, 10))).containsExactlyInAnyOrder("moda", "shop");
    }

    @Test
    void givenCompletedHeadWhenClaimedAgainThenTheNextOfItsThreadComesOut() {
        store.record(routed("a1", ANA, T0), routed("a2", ANA, T0.plusSeconds(1)));
        PendingDelivery head = claim(T0, 10).get(0);

        store.deliveries.complete(head.id(), ROUTE, List.of(), T0);

        assertThat(ids(claim(T0, 10))).containsExactly("a2");
    }

    @Test
    void givenLeasedHeadWhenLeaseRunsOutThenItIsClaimableAgainAndUntilThenItsThreadWaits() {
        store.record(routed("a1", ANA, T0), routed("a2", ANA, T0.plusSeconds(1)));
        claim(T0, 10);

        assertThat(claim(T0.plus(LEASE).minusMillis(1), 10)).isEmpty();
        assertThat(ids(claim(T0.plus(LEASE), 10))).containsExactly("a1");
    }

    @Test
    void givenMoreDueThanTheLimitWhenClaimedThenOnlyTheLimitOldestDueFirst() {
        store.record(routed("a", ANA, T0), routed("b", BIA, T0), routed("c", "+5511966665555", T0));

        assertThat(ids(claim(T0, 2))).containsExactly("a", "b");
        assertThat(claim(T0, 0)).isEmpty();
    }

    @Test
    void givenMorePagesOfOneThreadThanAClaimReadsWhenClaimedThenTheHeadOfTheThreadBehindThemComesOutToo() {
        List<InboxEntry> ana = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            ana.add(routed("a" + i, ANA, T0.plusSeconds(i)));
        }
        store.record(ana.toArray(InboxEntry[]::new));
        store.record(routed("b", BIA, T0));

        assertThat(ids(claim(T0, 2)))
                .as("a claim pages past the rows that are no thread's head")
                .containsExactly("a0", "b");
        assertThat(claim(T0, 2)).as("both heads are leased").isEmpty();
    }

    @Test
    void givenFailedAttemptWhenRetriedLaterThenCountedAndDueOnlyAtTheNextTime() {
        store.record(routed("a1", ANA, T0), routed("a2", ANA, T0.plusSeconds(1)));
        long id = claim(T0, 10).get(0).id();
        Instant next = T0.plusSeconds(5);

        store.deliveries.retryLater(id, next, "http 503", T0);

        assertThat(claim(next.minusMillis(1), 10))
                .as("the thread waits for its head")
                .isEmpty();
        PendingDelivery again = claim(next, 10).get(0);
        assertThat(again.id()).isEqualTo(id);
        assertThat(again.attempts()).isEqualTo(1);
        assertThat(Sql.string(store.db, "SELECT last_error FROM inbound_messages WHERE id = ?", id))
                .isEqualTo("http 503");
    }

    @Test
    void givenLeaseRanOutAndAnotherProcessClaimedTheMessageWhenTheFirstWorkerFinishesThenOnlyTheNewHolderDecides() {
        store.record(routed("a1", ANA, T0), routed("b1", BIA, T0));
        JdbiDeliveryQueue otherProcess = new JdbiDeliveryQueue(store.db);
        List<Long> ids = claim(T0, 10).stream().map(PendingDelivery::id).toList();
        assertThat(otherProcess.claimDue(T0.plus(LEASE), LEASE, 10))
                .extracting(PendingDelivery::id)
                .containsExactlyElementsOf(ids);

        store.deliveries.complete(ids.get(0), ROUTE, List.of("stale reply"), T0.plus(LEASE));
        store.deliveries.deadLetter(ids.get(1), "http 404", T0.plus(LEASE));
        assertThat(List.of(store.inboundState("a1"), store.inboundState("b1"))).containsOnly("received");
        otherProcess.complete(ids.get(0), ROUTE, List.of("reply"), T0.plus(LEASE));
        otherProcess.complete(ids.get(1), ROUTE, List.of(), T0.plus(LEASE));

        assertThat(List.of(store.inboundState("a1"), store.inboundState("b1"))).containsOnly("forwarded");
        assertThat(Sql.strings(store.db, "SELECT text FROM outbound_messages")).containsExactly("reply");
    }

    @Test
    void givenMessageThisQueueNeverLeasedWhenCompletedThenAnyLeaseHoldsAndItsReplyIsQueued() {
        store.record(routed("a1", ANA, T0));
        long id = claim(T0, 10).get(0).id();
        JdbiDeliveryQueue noLeaseKnown = new JdbiDeliveryQueue(store.db);

        noLeaseKnown.complete(id, ROUTE, List.of("reply"), T0);

        assertThat(store.inboundState("a1")).isEqualTo("forwarded");
        assertThat(Sql.strings(store.db, "SELECT text FROM outbound_messages")).containsExactly("reply");
    }

    @Test
    void givenHopelessMessageWhenDeadLetteredThenDeadCountedAndItsThreadMovesOn() {
        store.record(routed("a1", ANA, T0), routed("a2", ANA, T0.plusSeconds(1)));
        long id = claim(T0, 10).get(0).id();

        store.deliveries.deadLetter(id, "http 404", T0);

        assertThat(store.inboundState("a1")).isEqualTo("dead");
        assertThat(Sql.string(
                        store.db,
                        "SELECT attempts || ' ' || last_error || ' ' || COALESCE(CAST(lease_until AS TEXT), '-') "
                                + "FROM inbound_messages WHERE id = ?",
                        id))
                .isEqualTo("1 http 404 -");
        assertThat(ids(claim(T0, 10))).containsExactly("a2");
    }

    @Test
    void givenReplyWhenCompletedThenForwardedAndPartsQueuedPendingDueNowInOrder() {
        store.record(routed("a1", ANA, T0));
        long id = claim(T0, 10).get(0).id();
        Instant now = T0.plusSeconds(2);

        store.deliveries.complete(id, ROUTE, List.of("part one", "part two"), now);

        assertThat(store.inboundState("a1")).isEqualTo("forwarded");
        assertThat(Sql.string(
                        store.db,
                        "SELECT COALESCE(CAST(lease_until AS TEXT), '-') FROM inbound_messages WHERE id = ?",
                        id))
                .isEqualTo("-");
        assertThat(Sql.strings(
                        store.db,
                        "SELECT part_index || '/' || part_count || ' ' || state || ' ' || text || ' ' "
                                + "|| next_attempt_at || ' ' || tenant_id || ' ' || thread_id || ' ' || to_raw FROM outbound_messages "
                                + "WHERE inbound_id = ? ORDER BY id",
                        id))
                .containsExactly(
                        "0/2 pending part one " + now.toEpochMilli() + " moda-brasil " + ANA + " 5511988887777",
                        "1/2 pending part two " + now.toEpochMilli() + " moda-brasil " + ANA + " 5511988887777");
    }

    @Test
    void givenNoReplyWhenCompletedThenForwardedWithNoParts() {
        store.record(routed("a1", ANA, T0));
        long id = claim(T0, 10).get(0).id();

        store.deliveries.complete(id, ROUTE, List.of(), T0);

        assertThat(store.inboundState("a1")).isEqualTo("forwarded");
        assertThat(Sql.number(store.db, "SELECT COUNT(*) FROM outbound_messages"))
                .isZero();
    }

    @Test
    void givenMessageAlreadyCompletedWhenCompletedOrRetriedAgainThenNothingChangesAndNoSecondReply() {
        store.record(routed("a1", ANA, T0));
        long id = claim(T0, 10).get(0).id();
        store.deliveries.complete(id, ROUTE, List.of("hi"), T0);

        store.deliveries.complete(id, ROUTE, List.of("hi"), T0);
        store.deliveries.retryLater(id, T0.plusSeconds(5), "late", T0);

        assertThat(Sql.number(store.db, "SELECT COUNT(*) FROM outbound_messages"))
                .isEqualTo(1);
        assertThat(store.inboundState("a1")).isEqualTo("forwarded");
    }

    @Test
    void givenLeasedMessagesWhenLeasesAreReleasedThenCountedAndClaimableAtOnce() {
        store.record(routed("a1", ANA, T0), routed("b1", BIA, T0));
        claim(T0, 10);

        assertThat(store.deliveries.releaseLeases()).isEqualTo(2);
        assertThat(ids(claim(T0, 10))).containsExactlyInAnyOrder("a1", "b1");
    }

    @Test
    void givenManyThreadsOfMessagesWhenSeveralWorkersClaimAtOnceThenEachMessageOnceAndEachThreadInOrder()
            throws Exception {
        int threads = 12;
        int perThread = 8;
        for (int m = 0; m < perThread; m++) {
            List<InboxEntry> batch = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                batch.add(routed("t" + t + "-m" + m, "+55119000000" + (10 + t), T0.plusSeconds(m)));
            }
            store.inbox.record(batch, List.of());
        }
        List<String> claimed = Collections.synchronizedList(new ArrayList<>());
        Map<String, List<Long>> orderPerThread = new ConcurrentHashMap<>();
        ExecutorService workers = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Void>> done = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            done.add(workers.submit((Callable<Void>) () -> {
                start.await();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (claimed.size() < threads * perThread && System.nanoTime() < deadline) {
                    for (PendingDelivery d : store.deliveries.claimDue(T0.plusSeconds(60), LEASE, 3)) {
                        claimed.add(d.message().providerMessageId());
                        orderPerThread
                                .computeIfAbsent(d.threadId(), k -> Collections.synchronizedList(new ArrayList<>()))
                                .add(d.message().providerTimestamp().getEpochSecond());
                        store.deliveries.complete(d.id(), ROUTE, List.of(), T0);
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

        assertThat(claimed).hasSize(threads * perThread);
        assertThat(new HashSet<>(claimed)).hasSize(threads * perThread);
        assertThat(orderPerThread).hasSize(threads);
        orderPerThread.values().forEach(order -> assertThat(order).isSorted());
    }

    private List<PendingDelivery> claim(Instant now, int limit) {
        return store.deliveries.claimDue(now, LEASE, limit);
    }

    private static List<String> ids(List<PendingDelivery> deliveries) {
        return deliveries.stream().map(d -> d.message().providerMessageId()).toList();
    }
}
