package com.vendin.whatsapp.bench.jmh;

import com.vendin.whatsapp.domain.DeliverySettings;
import com.vendin.whatsapp.domain.inbound.WebhookReceiver;
import com.vendin.whatsapp.domain.routing.Router;
import com.vendin.whatsapp.persistence.identity.JdbiPersonDirectory;
import com.vendin.whatsapp.persistence.identity.JdbiStandbyLog;
import com.vendin.whatsapp.persistence.message.JdbiInbox;
import com.vendin.whatsapp.persistence.ratelimit.InProcessRateLimiter;
import com.vendin.whatsapp.persistence.tenant.JdbiTenantDirectory;
import com.vendin.whatsapp.ports.inbound.BatchReceipt;
import com.vendin.whatsapp.ports.inbound.InboundBatch;
import com.vendin.whatsapp.ports.inbound.InboundMessage;
import com.vendin.whatsapp.ports.inbound.RoutingDecision;
import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Routing with the real directory (SQLite, the gateway's pool and statement cache) holding 10 or 100,000
 * tenants, messages spread over all of them: {@code route} is {@link Router#route} alone, {@code receive}
 * the whole domain step of a webhook ({@link WebhookReceiver}: dedup lookup, route, rate limit, record).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RouteBenchmark {
    private static final int MESSAGES = 4096;

    @Param({"10", "100000"})
    public int tenants;

    private SeededDatabase database;
    private Router router;
    private WebhookReceiver receiver;
    private InboundMessage[] messages;
    private int next;
    private long received;

    @Setup(Level.Trial)
    public void setUp() {
        database = new SeededDatabase(tenants);
        router = new Router(
                new JdbiTenantDirectory(database.db, database.cipher),
                SeededDatabase.platform(),
                new JdbiPersonDirectory(database.db));
        receiver = new WebhookReceiver(
                router,
                new JdbiInbox(database.db, Clock.systemUTC()),
                new InProcessRateLimiter(),
                () -> {},
                new JdbiStandbyLog(database.db, Clock.systemUTC()),
                DeliverySettings.defaults(),
                Clock.systemUTC());
        SplittableRandom random = new SplittableRandom(7);
        messages = new InboundMessage[MESSAGES];
        for (int i = 0; i < MESSAGES; i++) {
            messages[i] = SeededDatabase.message("wamid.JMH.route." + i, i, random.nextInt(tenants));
        }
        if (!(router.route(messages[0]) instanceof RoutingDecision.Routed)) {
            throw new IllegalStateException("the benchmark's message does not route");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        database.close();
    }

    @Benchmark
    public RoutingDecision route() {
        return router.route(messages[next++ & (MESSAGES - 1)]);
    }

    /** One message per webhook, a fresh id each time, a new sender every 5 (under the rate limit). */
    @Benchmark
    public BatchReceipt receive() {
        long n = received++;
        InboundMessage m = messages[(int) (n & (MESSAGES - 1))];
        InboundMessage fresh = SeededDatabase.message(
                "wamid.JMH.receive." + n,
                1_000_000 + n / 5,
                Integer.parseInt(m.to().phoneId().orElseThrow().substring(1)));
        return receiver.receive(new InboundBatch(List.of(fresh), List.of()));
    }
}
