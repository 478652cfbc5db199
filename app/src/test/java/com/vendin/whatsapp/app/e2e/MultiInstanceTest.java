package com.vendin.whatsapp.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.app.support.Eventually;
import com.vendin.whatsapp.app.support.FakeGraph;
import com.vendin.whatsapp.app.support.FakeTenant;
import com.vendin.whatsapp.app.support.GatewayProcess;
import com.vendin.whatsapp.app.support.HttpResult;
import com.vendin.whatsapp.app.support.MetaPayloads;
import com.vendin.whatsapp.app.support.RedisAvailable;
import com.vendin.whatsapp.app.support.TestGateway;
import com.vendin.whatsapp.app.support.TestPostgres;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two gateway processes behind one "load balancer" (the test posts each webhook to one or the other), on one
 * real PostgreSQL (a fresh database) and one real Redis. Each customer thread's messages are sent in order,
 * the next only after the previous webhook was acknowledged, alternately to either gateway.
 */
class MultiInstanceTest {
    private static final Logger LOG = LoggerFactory.getLogger(MultiInstanceTest.class);
    private static final Pattern MESSAGE = Pattern.compile("m(\\d+)-(\\d+)");
    /**
     * The most tenant calls one gateway has on the wire (its delivery workers): set, not derived from the machine,
     * so that the kill test's bound on repeated calls holds on a machine with more cores (derived there: up to 64).
     */
    private static final int DELIVERY_WORKERS = 32;

    private static final int BATCH = 25;
    private static final int TENANTS = 6;

    @TempDir
    Path dir;

    private FakeGraph graph;
    /** Stores: each may have 8 messages in flight (the per-tenant cap), so a few keep both gateways' workers busy. */
    private final List<FakeTenant> tenants = new ArrayList<>();

    private Map<String, String> env;
    private final String senderPrefix =
            "55119" + (1000 + ThreadLocalRandom.current().nextInt(8999));

    @BeforeEach
    void start() throws Exception {
        String redis = RedisAvailable.urlOrSkip();
        graph = new FakeGraph().start();
        for (int i = 0; i < TENANTS; i++) {
            tenants.add(new FakeTenant().start().delayEveryAnswer(Duration.ofMillis(5)));
        }
        env = TestGateway.environment(dir, graph.baseUrl());
        env.put("GATEWAY_DATABASE_URL", TestPostgres.freshDatabaseUrl());
        env.put("REDIS_URL", redis);
        env.put("GATEWAY_DELIVERY_WORKERS", Integer.toString(DELIVERY_WORKERS));
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        env.put("GATEWAY_SECRET_KEY", Base64.getEncoder().encodeToString(key));
    }

    @AfterEach
    void stop() {
        tenants.forEach(FakeTenant::close);
        if (graph != null) {
            graph.close();
        }
    }

    @Test
    void givenTwoGatewaysOnOneDatabaseWhen5000MessagesAreSpreadOverBothThenEachReachesItsTenantOnceAndInOrder()
            throws Exception {
        int senders = 250;
        int perSender = 20; // the per-phone limit is 20 a minute, shared through Redis
        try (GatewayProcess a = GatewayProcess.start(env, GatewayProcess.freePort(), log("once-a"));
                GatewayProcess b = GatewayProcess.start(env, GatewayProcess.freePort(), log("once-b"))) {
            createTenants(a);
            sendAll(List.of(a, b), Set.of(), senders, perSender);
            int total = senders * perSender;

            long sent = System.nanoTime();
            waitFor(
                    Duration.ofSeconds(180),
                    "every message reaches its tenant",
                    () -> distinct(arrivals()).size() == total,
                    a,
                    b);
            waitFor(
                    Duration.ofSeconds(60),
                    "every reply is sent",
                    () -> graph.sends().size() >= total,
                    a,
                    b);
            LOG.info(
                    "5000 messages delivered and answered {} ms after the last webhook",
                    Duration.ofNanos(System.nanoTime() - sent).toMillis());
            // Nothing left that could still arrive twice: no message waits for delivery, no part for sending.
            waitFor(
                    Duration.ofSeconds(30),
                    "both queues are empty",
                    () -> queueDepth(a, "deliveries") == 0 && queueDepth(b, "sends") == 0,
                    a,
                    b);

            List<String> arrivals = arrivals();
            assertThat(duplicates(arrivals))
                    .as("messages delivered more than once")
                    .isEmpty();
            assertThat(arrivals).hasSize(total);
            tenants.forEach(MultiInstanceTest::assertInThreadOrder);
            List<String> replies =
                    graph.sends().stream().map(FakeGraph.Send::text).toList();
            assertThat(duplicates(replies)).as("replies sent more than once").isEmpty();
            assertThat(replies).hasSize(total);
            double byA = deliveries(a);
            double byB = deliveries(b);
            LOG.info("5000 messages over two gateways: {} delivered by A, {} by B", byA, byB);
            assertThat(byA + byB).isEqualTo(total);
            assertThat(byA).as("both gateways delivered").isPositive();
            assertThat(byB).as("both gateways delivered").isPositive();
        }
    }

    @Test
    void givenTwoGatewaysMidRunWhenOneIsKilledThenTheOtherFinishesAllOfItsWork() throws Exception {
        int senders = 100;
        int perSender = 10;
        int total = senders * perSender;
        // Slow stores, so that most of the run is still to do when A is killed.
        tenants.forEach(t -> t.delayEveryAnswer(Duration.ofMillis(200)));
        int portB = GatewayProcess.freePort();
        graph.echoStatusesTo("http://127.0.0.1:" + portB + "/webhooks/whatsapp/facebook", Duration.ofSeconds(180));
        try (GatewayProcess a = GatewayProcess.start(env, GatewayProcess.freePort(), log("kill-a"));
                GatewayProcess b = GatewayProcess.start(env, portB, log("kill-b"))) {
            createTenants(a);
            Set<GatewayProcess> down = java.util.concurrent.ConcurrentHashMap.newKeySet();
            ExecutorService sender = Executors.newSingleThreadExecutor();
            Future<?> sending = sender.submit(() -> {
                sendAll(List.of(a, b), down, senders, perSender);
                return null;
            });
            Eventually.within(
                    Duration.ofSeconds(60),
                    "the run is under way",
                    () -> arrivals().size() >= total / 5);
            down.add(a); // the load balancer stops sending to A, and A dies
            a.kill();
            int arrivedAtKill = arrivals().size();
            sending.get(120, TimeUnit.SECONDS);
            sender.shutdown();
            assertThat(arrivedAtKill).as("killed in the middle of the run").isLessThan(total / 2);

            waitFor(
                    Duration.ofSeconds(180),
                    "the survivor delivers every message",
                    () -> distinct(arrivals()).size() == total,
                    b);
            waitFor(
                    Duration.ofSeconds(120),
                    "the survivor sends every reply",
                    () -> graph.sends().stream()
                                    .map(FakeGraph.Send::text)
                                    .distinct()
                                    .count()
                            == total,
                    b);

            List<String> arrivals = arrivals();
            Set<String> twice = duplicates(arrivals);
            List<String> replies =
                    graph.sends().stream().map(FakeGraph.Send::text).toList();
            LOG.info(
                    "A killed after {} arrivals: {} messages arrived twice, {} replies sent twice",
                    arrivedAtKill,
                    twice.size(),
                    duplicates(replies).size());
            assertThat(arrivals.size() - total)
                    .as("only calls on the wire at the kill arrive twice")
                    .isEqualTo(twice.size())
                    .isLessThanOrEqualTo(DELIVERY_WORKERS);
            assertThat(duplicates(replies)).as("replies sent more than once").isEmpty();
            tenants.forEach(MultiInstanceTest::assertInThreadOrderIgnoringRepeats);
        }
    }

    /** The gateways' logs stay in target/ for a look after a failure. */
    private static Path log(String name) throws java.io.IOException {
        Path dir = Path.of("target", "multi-instance-logs");
        java.nio.file.Files.createDirectories(dir);
        Path log = dir.resolve(name + ".log");
        java.nio.file.Files.deleteIfExists(log);
        return log;
    }

    /**
     * {@link Eventually#within}, telling on failure how far the run got, what the database holds and what the
     * gateways' claim loops and writers were doing (their full thread dumps go next to their logs).
     */
    private void waitFor(
            Duration timeout, String what, java.util.function.BooleanSupplier condition, GatewayProcess... gateways) {
        try {
            Eventually.within(timeout, what, condition);
        } catch (AssertionError e) {
            StringBuilder why = new StringBuilder(e.getMessage())
                    .append(" (")
                    .append(distinct(arrivals()).size())
                    .append(" distinct messages arrived, ")
                    .append(arrivals().size())
                    .append(" calls, ")
                    .append(graph.sends().size())
                    .append(" replies sent)\ndatabase: ")
                    .append(databaseState())
                    .append("\ntest JVM: ")
                    .append(testJvm())
                    .append("\nthe fakes answer: ")
                    .append(probeFakes());
            for (int i = 0; i < gateways.length; i++) {
                String dump = gateways[i].threadDump();
                String name = "gateway-port-" + gateways[i].baseUrl().replaceAll(".*:", "");
                try {
                    java.nio.file.Files.writeString(log(name + "-threads"), dump);
                } catch (java.io.IOException ignored) {
                    // the summary below still tells
                }
                why.append("\n")
                        .append(name)
                        .append(": ")
                        .append(gateways[i].problems(40))
                        .append("\n")
                        .append(name)
                        .append(" threads:\n")
                        .append(GatewayProcess.threads(
                                dump, 14, "delivery-dispatcher", "send-dispatcher", "status-dispatcher"))
                        .append(name)
                        .append(" workers by what they were doing:\n")
                        .append(GatewayProcess.threadSummary(
                                dump,
                                3,
                                "delivery-worker",
                                "send-worker",
                                "status-worker",
                                "gateway-http",
                                "gateway-db"));
            }
            throw new AssertionError(why.toString(), e);
        }
    }

    /** Inbound messages by state, with how many are leased, held back and due, read from the shared database. */
    private String databaseState() {
        String sql = "SELECT state, COUNT(*), "
                + "SUM(CASE WHEN lease_until > :now THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN next_attempt_at > :now THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN next_attempt_at <= :now AND (lease_until IS NULL OR lease_until <= :now) "
                + "THEN 1 ELSE 0 END), MAX(attempts) FROM inbound_messages GROUP BY state ORDER BY state";
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(env.get("GATEWAY_DATABASE_URL"));
                java.sql.Statement st = c.createStatement();
                java.sql.ResultSet rs =
                        st.executeQuery(sql.replace(":now", Long.toString(System.currentTimeMillis())))) {
            StringBuilder out = new StringBuilder();
            while (rs.next()) {
                out.append(String.format(
                        "%s=%d (leased %d, not due yet %d, due and free %d, most attempts %d); ",
                        rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)));
            }
            try (java.sql.ResultSet activity = st.executeQuery("SELECT pid, state, wait_event_type, wait_event, "
                    + "EXTRACT(EPOCH FROM now() - xact_start)::int, left(query, 100) FROM pg_stat_activity "
                    + "WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'")) {
                out.append("\nsessions not idle: ");
                while (activity.next()) {
                    out.append(String.format(
                            "\n  pid %d %s waiting %s/%s, transaction %ss old: %s",
                            activity.getLong(1),
                            activity.getString(2),
                            activity.getString(3),
                            activity.getString(4),
                            activity.getString(5),
                            activity.getString(6)));
                }
            }
            try (java.sql.ResultSet sessions = st.executeQuery("SELECT COALESCE(datname, '-'), COUNT(*), "
                    + "current_setting('max_connections') FROM pg_stat_activity GROUP BY datname ORDER BY 2 DESC")) {
                out.append("\nsessions on the server by database (a full server refuses connections): ");
                while (sessions.next()) {
                    out.append(String.format(
                            "%s %d (max %s); ", sessions.getString(1), sessions.getLong(2), sessions.getString(3)));
                }
            }
            return out.toString();
        } catch (java.sql.SQLException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** Whether each fake tenant and the fake Graph still answer a plain request within 5 s, and how fast. */
    private String probeFakes() {
        okhttp3.OkHttpClient client = new okhttp3.OkHttpClient.Builder()
                .callTimeout(Duration.ofSeconds(5))
                .build();
        List<String> urls = new ArrayList<>();
        tenants.forEach(t -> urls.add(t.url() + "probe"));
        urls.add(graph.baseUrl() + "/probe");
        StringBuilder out = new StringBuilder();
        for (String url : urls) {
            long started = System.nanoTime();
            try (okhttp3.Response response =
                    client.newCall(new Request.Builder().url(url).build()).execute()) {
                out.append(String.format(
                        "%s %d in %d ms; ",
                        url.replaceAll("^http://127.0.0.1:", ":"),
                        response.code(),
                        Duration.ofNanos(System.nanoTime() - started).toMillis()));
            } catch (java.io.IOException e) {
                out.append(String.format(
                        "%s no answer (%s); ",
                        url.replaceAll("^http://127.0.0.1:", ":"), e.getClass().getSimpleName()));
            }
        }
        return out.toString();
    }

    /** The test JVM's heap and collections: the fake tenants and Graph answer from it. */
    private static String testJvm() {
        Runtime runtime = Runtime.getRuntime();
        StringBuilder out = new StringBuilder(String.format(
                "heap %d MB used of %d MB (max %d MB)",
                (runtime.totalMemory() - runtime.freeMemory()) >> 20,
                runtime.totalMemory() >> 20,
                runtime.maxMemory() >> 20));
        for (java.lang.management.GarbageCollectorMXBean gc :
                java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            out.append(String.format(
                    "; %s %d collections in %d ms", gc.getName(), gc.getCollectionCount(), gc.getCollectionTime()));
        }
        return out.append("; ").append(Thread.activeCount()).append(" threads").toString();
    }

    private void createTenants(GatewayProcess gateway) {
        for (int i = 0; i < TENANTS; i++) {
            gateway.createMetaTenant("store-" + i, tenants.get(i).url(), "+" + storeNumber(i), phoneId(i));
        }
    }

    private static String storeNumber(int tenant) {
        return "55119999100" + String.format("%02d", tenant);
    }

    private static String phoneId(int tenant) {
        return Integer.toString(101 + tenant);
    }

    /**
     * Round k of every thread is sent only after round k-1 was acknowledged. Webhooks alternate between the
     * gateways not in {@code down}, like a load balancer; a webhook whose gateway fails (killed under it) is
     * sent to the next one, as Meta would redeliver it.
     */
    private void sendAll(List<GatewayProcess> gateways, Set<GatewayProcess> down, int senders, int perSender)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        try {
            for (int k = 0; k < perSender; k++) {
                List<Future<HttpResult>> acks = new ArrayList<>();
                for (int s = 0; s < senders; s += BATCH) {
                    MetaPayloads batch = MetaPayloads.webhook();
                    for (int t = s; t < Math.min(senders, s + BATCH); t++) {
                        batch.text(
                                phoneId(t % TENANTS),
                                storeNumber(t % TENANTS),
                                sender(t),
                                "wamid." + senderPrefix + "-" + t + "-" + k,
                                "m" + t + "-" + k);
                    }
                    String body = batch.json();
                    acks.add(pool.submit(() -> balance(gateways, down, next, body)));
                }
                for (Future<HttpResult> ack : acks) {
                    assertThat(ack.get(60, TimeUnit.SECONDS).code()).isEqualTo(200);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static HttpResult balance(
            List<GatewayProcess> gateways,
            Set<GatewayProcess> down,
            java.util.concurrent.atomic.AtomicInteger next,
            String body) {
        RuntimeException last = null;
        for (int tries = 0; tries < 2 * gateways.size(); tries++) {
            GatewayProcess gateway = gateways.get(Math.floorMod(next.getAndIncrement(), gateways.size()));
            if (down.contains(gateway)) {
                continue;
            }
            try {
                HttpResult result = gateway.postMetaWebhook(body);
                if (result.code() == 200) {
                    return result;
                }
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw new AssertionError("no gateway acknowledged a webhook", last);
    }

    private String sender(int thread) {
        return senderPrefix + String.format("%04d", thread);
    }

    private List<String> arrivals() {
        return tenants.stream()
                .flatMap(t -> t.accepted().stream())
                .map(FakeTenant.Call::messageId)
                .toList();
    }

    /** Per thread (sender), the rounds arrive strictly in the order they were sent. */
    private static void assertInThreadOrder(FakeTenant tenant) {
        Map<String, List<Integer>> rounds = rounds(tenant);
        assertThat(rounds).isNotEmpty();
        rounds.forEach((thread, seen) -> assertThat(seen)
                .as("rounds of thread %s in arrival order", thread)
                .isSorted()
                .doesNotHaveDuplicates());
    }

    /** As above, except that a message delivered again after the kill may repeat right after itself. */
    private static void assertInThreadOrderIgnoringRepeats(FakeTenant tenant) {
        rounds(tenant).forEach((thread, seen) -> {
            List<Integer> firsts = new ArrayList<>();
            for (int round : seen) {
                if (!firsts.contains(round)) {
                    firsts.add(round);
                }
            }
            assertThat(firsts)
                    .as("rounds of thread %s in order of first arrival", thread)
                    .isSorted();
        });
    }

    private static Map<String, List<Integer>> rounds(FakeTenant tenant) {
        Map<String, List<Integer>> rounds = new HashMap<>();
        for (FakeTenant.Call call : tenant.accepted()) {
            Matcher m = MESSAGE.matcher(call.body().path("message").asText());
            assertThat(m.matches()).as(call.rawBody()).isTrue();
            rounds.computeIfAbsent(m.group(1), t -> new ArrayList<>()).add(Integer.parseInt(m.group(2)));
        }
        return rounds;
    }

    private static Set<String> distinct(List<String> values) {
        return new HashSet<>(values);
    }

    private static Set<String> duplicates(List<String> values) {
        return values.stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet()
                .stream()
                .filter(e -> e.getValue() > 1)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /** Successful tenant calls counted by one gateway's /metrics. */
    private static double deliveries(GatewayProcess gateway) {
        return metric(gateway, "gateway_deliveries_total{outcome=\"forwarded\"}")
                .orElse(0.0);
    }

    /** Messages waiting in the shared database's queue, as one gateway's /metrics reports them. */
    private static double queueDepth(GatewayProcess gateway, String queue) {
        return metric(gateway, "gateway_queue_depth{queue=\"" + queue + "\"}").orElse(-1.0);
    }

    private static java.util.Optional<Double> metric(GatewayProcess gateway, String series) {
        HttpResult metrics = TestGateway.execute(
                new Request.Builder().url(gateway.baseUrl() + "/metrics").build());
        Matcher m =
                Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics.body());
        return m.find() ? java.util.Optional.of(Double.parseDouble(m.group(1))) : java.util.Optional.empty();
    }
}
