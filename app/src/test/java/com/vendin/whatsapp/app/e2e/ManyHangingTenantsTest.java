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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * More hanging tenants than the delivery workers could serve at the per-tenant cap of a prompt tenant (so with one cap
 * for all they would hold every worker): together they hold only their share, keep the calls they were given, and a
 * tenant that answers promptly still gets each message within a second (CONTRACT §3).
 */
class ManyHangingTenantsTest {
    private static final String LIVE_PHONE_ID = "100000000000900";
    /** Hanging tenants beyond those that fill their share: some of them wait for a worker. */
    private static final int EXTRA_HANGING = 4;

    @TempDir
    Path dir;

    private FakeGraph graph;
    private FakeTenant live;
    private final List<FakeTenant> hanging = new ArrayList<>();
    private TestGateway gateway;

    @BeforeEach
    void start() throws Exception {
        graph = new FakeGraph().start();
        live = new FakeTenant().start();
    }

    @AfterEach
    void stop() {
        hanging.forEach(FakeTenant::stopHanging);
        if (gateway != null) {
            gateway.close();
        }
        hanging.forEach(FakeTenant::close);
        live.close();
        graph.close();
    }

    @Test
    void givenWorkersSetByTheVariableWhenManyTenantsHangThenTheyHoldOnlyTheirShareAndAPromptTenantIsAnswered()
            throws Exception {
        Map<String, String> env = TestGateway.environment(dir, graph.baseUrl());
        env.put("GATEWAY_DELIVERY_WORKERS", "16");

        FairShare share = hangManyTenants(env);

        assertThat(List.of(share.othersShare(), share.othersPerTenant()))
                .as("half of 16 for tenants not prompt, 1 each")
                .containsExactly(8, 1);
    }

    @Test
    void givenWorkersDerivedFromTheMachineWhenManyTenantsHangThenTheyHoldOnlyTheirShareAndAPromptTenantIsAnswered()
            throws Exception {
        FairShare share = hangManyTenants(TestGateway.environment(dir, graph.baseUrl()));

        assertThat(share.othersShare()).isPositive();
    }

    /** The scenario: returns the share the gateway gave tenants that are not prompt. */
    private FairShare hangManyTenants(Map<String, String> env) throws Exception {
        gateway = TestGateway.start(env);
        WorkerSizes sizes = gateway.instance(WorkerSizes.class);
        FairShare share = FairShare.forWorkers(sizes.delivery(), DeliveryService.DEFAULT_PER_TENANT_IN_FLIGHT);
        int tenants = share.othersShare() / share.othersPerTenant() + EXTRA_HANGING;
        int threadsEach = share.othersPerTenant() + 1;
        assertThat(tenants * DeliveryService.DEFAULT_PER_TENANT_IN_FLIGHT)
                .as("with one cap for all, these tenants would hold every delivery worker")
                .isGreaterThanOrEqualTo(sizes.delivery());
        AdminCalls.createMetaTenant(gateway, "live-store", live.url(), "+5511999900900", LIVE_PHONE_ID, "tl");
        for (int t = 0; t < tenants; t++) {
            FakeTenant tenant = new FakeTenant().start().hang();
            hanging.add(tenant);
            AdminCalls.createMetaTenant(
                    gateway, "hung-" + t, tenant.url(), "+55119999" + (10000 + t), phoneId(t), "th" + t);
        }
        post(LIVE_PHONE_ID, "5511999900900", "5521977770000", "wamid.L0");
        Eventually.within(
                Duration.ofSeconds(5),
                "the live tenant answers its first message",
                () -> live.accepted().size() == 1);

        for (int t = 0; t < tenants; t++) {
            for (int i = 0; i < threadsEach; i++) {
                String sender = "551198" + String.format("%03d%02d", t, 10 + i) + "77";
                post(phoneId(t), "55119999" + (10000 + t), sender, "wamid.H" + t + "." + i);
            }
        }
        Eventually.within(
                Duration.ofSeconds(10),
                "the hanging tenants fill their share of " + share.othersShare() + " workers",
                () -> heldCalls() >= share.othersShare());

        for (int i = 1; i <= 5; i++) {
            long posted = System.nanoTime();
            post(LIVE_PHONE_ID, "5511999900900", "55219777700" + (10 + i), "wamid.L" + i);
            int expected = i + 1;
            Eventually.within(
                    Duration.ofSeconds(5),
                    "the live tenant gets message " + i,
                    () -> live.accepted().size() == expected);
            assertThat(Duration.ofNanos(System.nanoTime() - posted))
                    .as("delay of live message %d behind %d hanging tenants", i, tenants)
                    .isLessThan(Duration.ofSeconds(1));
        }

        assertThat(heldCalls())
                .as("the hanging tenants keep the calls they were given, and get no more")
                .isEqualTo(share.othersShare());
        assertThat(hanging)
                .allSatisfy(tenant -> assertThat(tenant.calls()).hasSizeLessThanOrEqualTo(share.othersPerTenant()));
        assertThat(hanging.stream().filter(tenant -> tenant.calls().isEmpty()))
                .as("the tenants beyond the share wait for a worker")
                .hasSizeGreaterThanOrEqualTo(EXTRA_HANGING);
        return share;
    }

    private int heldCalls() {
        return hanging.stream().mapToInt(tenant -> tenant.calls().size()).sum();
    }

    private static String phoneId(int tenant) {
        return String.valueOf(100000000001000L + tenant);
    }

    private void post(String phoneId, String display, String from, String wamid) {
        int code = gateway.postMetaWebhook(MetaPayloads.webhook()
                        .text(phoneId, display, from, wamid, "Oi")
                        .json())
                .code();
        assertThat(code).isEqualTo(200);
    }
}
