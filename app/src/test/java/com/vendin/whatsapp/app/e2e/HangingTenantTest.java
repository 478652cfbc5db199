package com.vendin.whatsapp.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.app.support.AdminCalls;
import com.vendin.whatsapp.app.support.Eventually;
import com.vendin.whatsapp.app.support.FakeGraph;
import com.vendin.whatsapp.app.support.FakeTenant;
import com.vendin.whatsapp.app.support.MetaPayloads;
import com.vendin.whatsapp.app.support.TestGateway;
import com.vendin.whatsapp.app.worker.WorkerSizes;
import com.vendin.whatsapp.domain.delivery.DeliveryService;
import com.vendin.whatsapp.domain.delivery.FairShare;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tenant that hangs from its first message holds only the small cap of a tenant that is not prompt: other tenants'
 * messages, of one never heard from before too, still arrive at once.
 */
class HangingTenantTest {
    private static final String HUNG_PHONE_ID = "100000000000001";
    private static final String LIVE_PHONE_ID = "100000000000002";
    /** More than the gateway's delivery workers, so without a per-tenant cap the hung tenant would take them all. */
    private static final int HUNG_MESSAGES = 40;

    @TempDir
    Path dir;

    private FakeGraph graph;
    private FakeTenant hung;
    private FakeTenant live;
    private TestGateway gateway;

    @BeforeEach
    void start() throws Exception {
        graph = new FakeGraph().start();
        hung = new FakeTenant().start().hang();
        live = new FakeTenant().start();
        gateway = TestGateway.start(TestGateway.environment(dir, graph.baseUrl()));
        AdminCalls.createMetaTenant(gateway, "hung-store", hung.url(), "+5511999911111", HUNG_PHONE_ID, "t1");
        AdminCalls.createMetaTenant(gateway, "live-store", live.url(), "+5511999922222", LIVE_PHONE_ID, "t2");
    }

    @AfterEach
    void stop() {
        hung.stopHanging();
        gateway.close();
        hung.close();
        live.close();
        graph.close();
    }

    @Test
    void givenTenantThatHangsOnManyThreadsWhenAnotherTenantsMessagesArriveThenEachReachesItWithinASecond() {
        for (int i = 0; i < HUNG_MESSAGES; i++) {
            post(HUNG_PHONE_ID, "5511999911111", "55119888800" + (10 + i), "wamid.H" + i);
        }
        int cap = FairShare.forWorkers(
                        gateway.instance(WorkerSizes.class).delivery(), DeliveryService.DEFAULT_PER_TENANT_IN_FLIGHT)
                .othersPerTenant();
        assertThat(HUNG_MESSAGES)
                .isGreaterThan(gateway.instance(WorkerSizes.class).delivery());
        Eventually.within(
                Duration.ofSeconds(10),
                "the hung tenant holds its cap of " + cap + " calls",
                () -> hung.calls().size() >= cap);

        for (int i = 0; i < 5; i++) {
            long posted = System.nanoTime();
            post(LIVE_PHONE_ID, "5511999922222", "55219777700" + (10 + i), "wamid.L" + i);
            int expected = i + 1;
            Eventually.within(
                    Duration.ofSeconds(5),
                    "the live tenant gets message " + i,
                    () -> live.calls().size() == expected);
            Duration took = Duration.ofNanos(System.nanoTime() - posted);
            assertThat(took)
                    .as("delay of live message %d behind the hung tenant", i)
                    .isLessThan(Duration.ofSeconds(1));
        }
        assertThat(hung.calls())
                .as("the hung tenant holds at most its cap of workers")
                .hasSize(cap);
    }

    private void post(String phoneId, String display, String from, String wamid) {
        int code = gateway.postMetaWebhook(MetaPayloads.webhook()
                        .text(phoneId, display, from, wamid, "Oi")
                        .json())
                .code();
        assertThat(code).isEqualTo(200);
    }
}
