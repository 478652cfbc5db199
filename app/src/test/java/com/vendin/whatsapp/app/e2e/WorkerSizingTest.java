package com.vendin.whatsapp.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.app.config.GatewayConfig;
import com.vendin.whatsapp.app.support.AdminCalls;
import com.vendin.whatsapp.app.support.CapturedLogs;
import com.vendin.whatsapp.app.support.Eventually;
import com.vendin.whatsapp.app.support.FakeGraph;
import com.vendin.whatsapp.app.support.FakeTenant;
import com.vendin.whatsapp.app.support.MetaPayloads;
import com.vendin.whatsapp.app.support.TestGateway;
import com.vendin.whatsapp.app.worker.WorkerSizes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workers are sized from the machine and the database, or by the variables, and the chosen sizes are logged. */
class WorkerSizingTest {
    private static final String PHONE_ID = "100000000000077";

    @TempDir
    Path dir;

    private FakeGraph graph;
    private FakeTenant tenant;
    private TestGateway gateway;
    private CapturedLogs logs;

    @BeforeEach
    void start() throws Exception {
        graph = new FakeGraph().start();
        tenant = new FakeTenant().start();
        logs = CapturedLogs.attach();
    }

    @AfterEach
    void stop() {
        tenant.stopHanging();
        if (gateway != null) {
            gateway.close();
        }
        logs.close();
        tenant.close();
        graph.close();
    }

    @Test
    void givenNoVariablesWhenTheGatewayStartsThenItsWorkersAreDerivedFromTheCoresAndTheDatabasePoolAndLogged() {
        gateway = TestGateway.start(TestGateway.environment(dir, graph.baseUrl()));

        WorkerSizes expected =
                WorkerSizes.derive(Runtime.getRuntime().availableProcessors(), 8, GatewayConfig.Workers.derived());
        assertThat(gateway.instance(WorkerSizes.class)).isEqualTo(expected);
        assertThat(logs.lines())
                .anySatisfy(line -> assertThat(line)
                        .contains("workers: delivery " + expected.delivery() + ", send " + expected.send()
                                + ", status " + expected.status() + " (derived from "
                                + Runtime.getRuntime().availableProcessors() + " cores and 8 database connections"));
    }

    @Test
    void givenWorkerVariablesWhenATenantThatAnsweredPromptlyHangsThenItHoldsExactlyTheDeliveryWorkersSet() {
        Map<String, String> env = TestGateway.environment(dir, graph.baseUrl());
        env.put("GATEWAY_DELIVERY_WORKERS", "4");
        env.put("GATEWAY_SEND_WORKERS", "3");
        env.put("GATEWAY_STATUS_WORKERS", "2");
        gateway = TestGateway.start(env);
        AdminCalls.createMetaTenant(gateway, "moda", tenant.url(), "+5511999977777", PHONE_ID, "tm");
        post("5511988887700", "wamid.first");
        Eventually.within(
                Duration.ofSeconds(5),
                "the tenant answers promptly",
                () -> tenant.accepted().size() == 1);

        tenant.hang();
        for (int i = 0; i < 7; i++) {
            post("55119888877" + (10 + i), "wamid.H" + i);
        }
        Eventually.within(
                Duration.ofSeconds(10),
                "the prompt tenant (cap 8) takes all 4 delivery workers",
                () -> tenant.calls().size() == 1 + 4);
        LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());

        assertThat(tenant.calls()).as("no fifth worker took a call").hasSize(1 + 4);
        assertThat(gateway.instance(WorkerSizes.class))
                .extracting(WorkerSizes::delivery, WorkerSizes::send, WorkerSizes::status)
                .containsExactly(4, 3, 2);
        assertThat(logs.lines())
                .anySatisfy(line -> assertThat(line)
                        .contains("workers: delivery 4 (GATEWAY_DELIVERY_WORKERS), send 3 (GATEWAY_SEND_WORKERS), "
                                + "status 2 (GATEWAY_STATUS_WORKERS)"));
    }

    private void post(String from, String wamid) {
        int code = gateway.postMetaWebhook(MetaPayloads.webhook()
                        .text(PHONE_ID, "5511999977777", from, wamid, "Oi")
                        .json())
                .code();
        assertThat(code).isEqualTo(200);
    }
}
