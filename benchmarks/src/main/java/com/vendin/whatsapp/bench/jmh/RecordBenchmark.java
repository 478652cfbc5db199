package com.vendin.whatsapp.bench.jmh;

import com.vendin.whatsapp.bench.BenchNumbers;
import com.vendin.whatsapp.persistence.message.JdbiInbox;
import com.vendin.whatsapp.ports.inbound.InboundState;
import com.vendin.whatsapp.ports.inbound.InboxEntry;
import com.vendin.whatsapp.ports.inbound.Role;
import com.vendin.whatsapp.ports.inbound.RoutingDecision;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link JdbiInbox#record}: one routed message per call in its own write transaction, on an SQLite file
 * (WAL, synchronous NORMAL, as the gateway opens it), each with a fresh provider id.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RecordBenchmark {
    private static final int TENANTS = 10;

    private SeededDatabase database;
    private JdbiInbox inbox;
    private long seq;

    @Setup(Level.Trial)
    public void setUp() {
        database = new SeededDatabase(TENANTS);
        inbox = new JdbiInbox(database.db, Clock.systemUTC());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        database.close();
    }

    @Benchmark
    public Set<String> record() {
        long n = seq++;
        int tenant = (int) (n % TENANTS);
        long sender = n / 5;
        InboxEntry entry = new InboxEntry(
                SeededDatabase.message("wamid.JMH.record." + n, sender, tenant),
                new RoutingDecision.Routed(
                        new TenantId(BenchNumbers.tenantId(tenant)),
                        Role.CUSTOMER,
                        new PhoneNumber("+" + BenchNumbers.senderDigits(sender))),
                InboundState.RECEIVED);
        return inbox.record(List.of(entry), List.of());
    }
}
