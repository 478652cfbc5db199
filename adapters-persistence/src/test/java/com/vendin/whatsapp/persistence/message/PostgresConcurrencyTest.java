package com.vendin.whatsapp.persistence.message;

import static com.vendin.whatsapp.persistence.testing.Samples.routed;
import static com.vendin.whatsapp.persistence.testing.TestDatabases.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.testing.PostgresServer;
import com.vendin.whatsapp.persistence.testing.Sql;
import com.vendin.whatsapp.ports.delivery.PendingDelivery;
import com.vendin.whatsapp.ports.delivery.PendingPart;
import com.vendin.whatsapp.ports.inbound.DeliveryStatus;
import com.vendin.whatsapp.ports.inbound.InboxEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two gateway processes on one PostgreSQL database, as the database sees them: two pools, workers on both
 * claiming, completing and recording at once.
 */
class PostgresConcurrencyTest {
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    private Database first;
    private Database second;
    private ExecutorService pool;

    @BeforeEach
    void open() {
        first = PostgresServer.emptied();
        second = PostgresServer.open();
        pool = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void close() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        first.close();
        second.close();
    }

    @Test
    void workersOfTwoProcessesDeliverEveryMessageOnceAndEachThreadInOrderOneAtATime() throws Exception {
        int threads = 12;
        int perThread = 15;
        List<InboxEntry> entries = new ArrayList<>();
        for (int m = 0; m < perThread; m++) {
            for (int t = 0; t < threads; t++) {
                entries.add(routed("w." + t + "." + m, sender(t), T0.plusMillis(m)));
            }
        }
        new JdbiInbox(first, CLOCK).record(entries, List.of());
        Map<String, List<Integer>> delivered = new ConcurrentHashMap<>();
        Set<String> inFlight = ConcurrentHashMap.newKeySet();
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger();

        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            JdbiDeliveryQueue queue = new JdbiDeliveryQueue(w % 2 == 0 ? first : second);
            workers.add(pool.submit(() -> {
                while (done.get() < entries.size()) {
                    List<PendingDelivery> claimed = queue.claimDue(T0, LEASE, 3, 100);
                    for (PendingDelivery delivery : claimed) {
                        String thread = delivery.threadId();
                        if (!inFlight.add(thread)) {
                            violations.add("two messages of " + thread + " in flight");
                        }
                        String[] id = delivery.message().providerMessageId().split("\\.");
                        delivered
                                .computeIfAbsent(thread, k -> Collections.synchronizedList(new ArrayList<>()))
                                .add(Integer.parseInt(id[2]));
                        inFlight.remove(thread);
                        queue.complete(delivery.id(), MessageStore.ROUTE, List.of(), T0);
                        done.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get(60, TimeUnit.SECONDS);
        }

        assertThat(violations).isEmpty();
        assertThat(done.get()).isEqualTo(entries.size());
        List<Integer> inOrder =
                java.util.stream.IntStream.range(0, perThread).boxed().toList();
        assertThat(delivered).hasSize(threads);
        delivered.values().forEach(ids -> assertThat(ids).isEqualTo(inOrder));
        assertThat(Sql.number(first, "SELECT COUNT(*) FROM inbound_messages WHERE state = 'forwarded'"))
                .isEqualTo(entries.size());
    }

    @Test
    void sendersOfTwoProcessesTakeEveryPartOnceAndEachThreadsPartsInOrder() throws Exception {
        int threads = 10;
        JdbiDeliveryQueue deliveries = new JdbiDeliveryQueue(first);
        List<InboxEntry> entries = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            entries.add(routed("p." + t, sender(t), T0));
        }
        new JdbiInbox(first, CLOCK).record(entries, List.of());
        for (PendingDelivery delivery : deliveries.claimDue(T0, LEASE, threads, threads)) {
            deliveries.complete(delivery.id(), MessageStore.ROUTE, List.of("0", "1", "2", "3"), T0);
        }
        int parts = threads * 4;
        Set<Long> taken = ConcurrentHashMap.newKeySet();
        Map<Long, List<Integer>> sentPerInbound = new ConcurrentHashMap<>();
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger accepted = new AtomicInteger();

        List<Future<?>> senders = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            JdbiOutboundQueue queue = new JdbiOutboundQueue(w % 2 == 0 ? first : second);
            senders.add(pool.submit(() -> {
                while (accepted.get() < parts) {
                    for (PendingPart part : queue.claimDue(T0, LEASE, 2)) {
                        if (!taken.add(part.id())) {
                            violations.add("part " + part.id() + " claimed twice");
                        }
                        sentPerInbound
                                .computeIfAbsent(part.inboundId(), k -> Collections.synchronizedList(new ArrayList<>()))
                                .add(part.partIndex());
                        queue.markAccepted(part.id(), "wamid.part." + part.id(), T0);
                        accepted.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> sender : senders) {
            sender.get(60, TimeUnit.SECONDS);
        }

        assertThat(violations).isEmpty();
        assertThat(sentPerInbound).hasSize(threads);
        sentPerInbound.values().forEach(order -> assertThat(order).containsExactly(0, 1, 2, 3));
        assertThat(Sql.strings(first, "SELECT DISTINCT state FROM inbound_messages"))
                .containsExactly("replied");
    }

    @Test
    void claimsOfTwoProcessesAtOnceTogetherKeepTheTenantCap() throws Exception {
        for (int round = 0; round < 10; round++) {
            Sql.exec(first, "DELETE FROM inbound_messages");
            List<InboxEntry> entries = new ArrayList<>();
            for (int t = 0; t < 10; t++) {
                entries.add(routed("cap." + round + "." + t, sender(t), T0));
            }
            new JdbiInbox(first, CLOCK).record(entries, List.of());
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<Integer>> claims = new ArrayList<>();
            for (Database db : List.of(first, second)) {
                claims.add(pool.submit(() -> {
                    start.await();
                    return new JdbiDeliveryQueue(db).claimDue(T0, LEASE, 10, 3).size();
                }));
            }
            int claimed =
                    claims.get(0).get(10, TimeUnit.SECONDS) + claims.get(1).get(10, TimeUnit.SECONDS);

            assertThat(claimed).isEqualTo(3);
            assertThat(Sql.number(first, "SELECT COUNT(*) FROM inbound_messages WHERE lease_until IS NOT NULL"))
                    .isEqualTo(3);
        }
    }

    @Test
    void aLeaseOfADeadProcessRunsOutAndTheOtherProcessTakesTheMessageOver() {
        new JdbiInbox(first, CLOCK).record(List.of(routed("orphan", sender(1), T0)), List.of());
        assertThat(new JdbiDeliveryQueue(first).claimDue(T0, LEASE, 10, 10)).hasSize(1);
        first.close();

        JdbiDeliveryQueue survivor = new JdbiDeliveryQueue(second);
        assertThat(survivor.claimDue(T0.plusSeconds(30), LEASE, 10, 10)).isEmpty();
        assertThat(survivor.claimDue(T0.plus(LEASE), LEASE, 10, 10))
                .extracting(d -> d.message().providerMessageId())
                .containsExactly("orphan");
        first = PostgresServer.open();
    }

    @Test
    void aStatusRacingTheAcceptanceOfItsSendOnAnotherProcessIsNeverLost() throws Exception {
        int sends = 40;
        JdbiInbox inbox = new JdbiInbox(first, CLOCK);
        JdbiInbox otherInbox = new JdbiInbox(second, CLOCK);
        JdbiOutboundQueue outbound = new JdbiOutboundQueue(first);
        JdbiDeliveryQueue deliveries = new JdbiDeliveryQueue(first);
        for (int i = 0; i < sends; i++) {
            inbox.record(List.of(routed("in." + i, sender(i), T0)), List.of());
        }
        for (PendingDelivery delivery : deliveries.claimDue(T0, LEASE, sends, sends)) {
            deliveries.complete(delivery.id(), MessageStore.ROUTE, List.of("reply"), T0);
        }
        List<PendingPart> parts = outbound.claimDue(T0, LEASE, sends);
        assertThat(parts).hasSize(sends);

        for (int i = 0; i < sends; i++) {
            PendingPart part = parts.get(i);
            String wamid = "wamid.out." + i;
            CyclicBarrier start = new CyclicBarrier(2);
            Future<?> accept = pool.submit(() -> {
                start.await();
                outbound.markAccepted(part.id(), wamid, T0);
                return null;
            });
            Future<?> status = pool.submit(() -> {
                start.await();
                otherInbox.record(List.of(), List.of(MessageStore.status(wamid, DeliveryStatus.DELIVERED)));
                return null;
            });
            accept.get(10, TimeUnit.SECONDS);
            status.get(10, TimeUnit.SECONDS);
        }

        assertThat(Sql.strings(first, "SELECT DISTINCT state FROM outbound_messages"))
                .containsExactly("delivered");
        assertThat(Sql.number(first, "SELECT COUNT(*) FROM early_statuses")).isZero();
        assertThat(Sql.strings(first, "SELECT DISTINCT state FROM inbound_messages"))
                .containsExactly("replied");
    }

    private static String sender(int n) {
        return String.format("+55119888%05d", n);
    }
}
