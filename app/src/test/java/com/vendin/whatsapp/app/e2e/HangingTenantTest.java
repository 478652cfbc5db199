package com.vendin.whatsapp.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.app.support.AdminCalls;
import com.vendin.whatsapp.app.support.Eventually;
import com.vendin.whatsapp.app.support.FakeGraph;
import com.vendin.whatsapp.app.support.FakeTenant;
import com.vendin.whatsapp.app.support.MetaPayloads;
import com.vendin.whatsapp.app.support.TestGateway;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tenant that hangs holds only its share of the delivery workers: other tenants' messages still arrive at once. */
class HangingTenantTest {
    private static final String HUNG_PHONE_ID = "100000000000001";
    private static final String LIVE_PHONE_ID = "100000000000002";
    /** More than the gateway's delivery workers (32), so without a per-tenant cap the hung tenant would take them all. */
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
        Eventually.within(
                Duration.ofSeconds(10),
                "the hung tenant holds calls",
                () -> hung.calls().size() >= 8);

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
                .hasSizeLessThanOrEqualTo(8);
    }

    private void post(String phoneId, String display, String from, String wamid) {
        int code = gateway.postMetaWebhook(MetaPayloads.webhook()
                        .text(phoneId, display, from, wamid, "Oi")
                        .json())
                .code();
        assertThat(code).isEqualTo(200);
    }
}
