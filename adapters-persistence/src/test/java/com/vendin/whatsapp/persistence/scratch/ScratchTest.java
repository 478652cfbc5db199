package com.vendin.whatsapp.persistence.scratch;

import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.message.*;
import com.vendin.whatsapp.persistence.tenant.*;
import com.vendin.whatsapp.persistence.testing.*;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.delivery.*;
import com.vendin.whatsapp.ports.inbound.*;
import java.nio.file.Path;
import java.time.*;
import java.util.*;
import java.util.concurrent.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.*;

class ScratchTest {
    static final Logger LOG = LoggerFactory.getLogger("scratch");
    static final ReplyRoute ROUTE = new ReplyRoute(Provider.FACEBOOK, false, Optional.of("1098"), "5511988887777");
    @TempDir Path dir;

    @Test
    void throughput() throws Exception {
        Database db = TestDatabases.migrated(dir);
        new JdbiTenantRepository(db, TestDatabases.cipher(), Clock.systemUTC()).insert(
                Samples.tenant("moda-brasil", "moda", Optional.of(Samples.metaNumber(Samples.STORE_NUMBER, Samples.STORE_PHONE_ID, "tok"))));
        JdbiTenantDirectory dir2 = new JdbiTenantDirectory(db, TestDatabases.cipher());
        JdbiInbox inbox = new JdbiInbox(db, Clock.systemUTC());
        JdbiDeliveryQueue dq = new JdbiDeliveryQueue(db);
        JdbiOutboundQueue oq = new JdbiOutboundQueue(db);
        for (int round = 0; round < 8; round++) {
            int n = 3000;
            long t = System.nanoTime();
            ExecutorService webhooks = Executors.newFixedThreadPool(8);
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String id = "r" + round + "m" + i;
                String from = "+55119" + String.format("%08d", i % 500);
                fs.add(webhooks.submit(() -> {
                    dir2.findByPhoneId(Samples.STORE_PHONE_ID).orElseThrow();
                    inbox.record(List.of(Samples.routed(id, from, Instant.now())), List.of());
                }));
            }
            for (Future<?> f : fs) f.get();
            long recorded = System.nanoTime();
            int delivered = 0, sent = 0;
            ExecutorService workers = Executors.newFixedThreadPool(4);
            while (sent < n) {
                List<PendingDelivery> ds = dq.claimDue(Instant.now(), Duration.ofMinutes(1), 50);
                List<Future<?>> w = new ArrayList<>();
                for (PendingDelivery d : ds) w.add(workers.submit(() -> dq.complete(d.id(), ROUTE, List.of("reply"), Instant.now())));
                for (Future<?> f : w) f.get();
                delivered += ds.size();
                List<PendingPart> ps = oq.claimDue(Instant.now(), Duration.ofMinutes(1), 50);
                w.clear();
                for (PendingPart p : ps) w.add(workers.submit(() -> {
                    oq.markAccepted(p.id(), "wamid.out." + p.id(), Instant.now());
                    inbox.record(List.of(), List.of(new StatusUpdate(Provider.FACEBOOK, "wamid.out." + p.id(), DeliveryStatus.DELIVERED, Instant.now(), Optional.empty(), Optional.empty())));
                }));
                for (Future<?> f : w) f.get();
                sent += ps.size();
            }
            webhooks.shutdown(); workers.shutdown();
            long end = System.nanoTime();
            LOG.info("round {}: record {} msg/s, deliver+send {} msg/s, overall {} msg/s", round,
                    n * 1_000_000_000L / (recorded - t), n * 1_000_000_000L / (end - recorded), n * 1_000_000_000L / (end - t));
        }
        db.close();
    }
}
