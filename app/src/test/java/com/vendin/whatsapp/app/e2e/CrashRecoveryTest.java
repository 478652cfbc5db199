package com.vendin.whatsapp.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.app.support.Eventually;
import com.vendin.whatsapp.app.support.FakeGraph;
import com.vendin.whatsapp.app.support.FakeTenant;
import com.vendin.whatsapp.app.support.GatewayProcess;
import com.vendin.whatsapp.app.support.HttpResult;
import com.vendin.whatsapp.app.support.MetaPayloads;
import com.vendin.whatsapp.app.support.TestGateway;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A message acknowledged just before a {@code kill -9} is delivered and answered exactly once after a restart. */
class CrashRecoveryTest {
    private static final MediaType JSON = MediaType.get("application/json");

    @TempDir
    Path dir;

    @Test
    void messageAcknowledgedBeforeKillIsDeliveredAndAnsweredOnceAfterRestart() throws Exception {
        try (FakeGraph graph = new FakeGraph().start()) {
            Map<String, String> env = TestGateway.environment(dir, graph.baseUrl());
            int gatewayPort = GatewayProcess.freePort();
            int tenantPort = GatewayProcess.freePort(); // nothing listens there until after the crash
            Path log = dir.resolve("gateway.log");

            GatewayProcess first = GatewayProcess.start(env, gatewayPort, log);
            HttpResult created = post(
                    first,
                    "/api/v1/tenants",
                    "{\"id\":\"cafe-aroma\",\"subdomain\":\"cafe-aroma\","
                            + "\"instanceUrl\":\"http://127.0.0.1:" + tenantPort + "/\",\"whatsapp\":{\"phoneNumber\":"
                            + "\"+5511999933333\",\"phoneId\":\"300\",\"provider\":\"facebook\",\"accessToken\":\"cafe-token\"}}",
                    true);
            assertThat(created.code()).as(created.body()).isEqualTo(201);
            byte[] webhook = MetaPayloads.webhook()
                    .text("300", "5511999933333", "5511977776666", "wamid.K1", "Um café, por favor")
                    .json()
                    .getBytes(StandardCharsets.UTF_8);
            HttpResult ack = TestGateway.execute(new Request.Builder()
                    .url(first.baseUrl() + "/webhooks/whatsapp/facebook")
                    .header("X-Hub-Signature-256", MetaPayloads.sign(webhook, TestGateway.APP_SECRET))
                    .post(RequestBody.create(webhook, JSON))
                    .build());
            assertThat(ack.code()).isEqualTo(200);

            first.kill();
            assertThat(graph.sends()).isEmpty();

            try (FakeTenant tenant = new FakeTenant().start(tenantPort);
                    GatewayProcess second = GatewayProcess.start(env, gatewayPort, log)) {
                Eventually.within(
                        Duration.ofSeconds(30),
                        "the message is delivered and answered after the restart",
                        () -> graph.sends().size() == 1);
                assertThat(tenant.calls()).hasSize(1);
                assertThat(tenant.calls().get(0).body().path("messageId").asText())
                        .isEqualTo("wamid.K1");
                assertThat(graph.sends().get(0).text()).isEqualTo("Re: Um café, por favor");
                Eventually.within(
                        Duration.ofSeconds(10),
                        "the message is marked replied",
                        () -> post(second, "/api/v1/tenants/cafe-aroma/messages", null, false)
                                .body()
                                .contains("\"replied\""));
                assertThat(tenant.calls()).hasSize(1);
                assertThat(graph.sends()).hasSize(1);
            }
        }
    }

    private static HttpResult post(GatewayProcess gateway, String path, String json, boolean isPost) {
        Request.Builder request = new Request.Builder()
                .url(gateway.baseUrl() + path)
                .header("Authorization", "Bearer " + TestGateway.ADMIN_TOKEN);
        if (isPost) {
            request.post(RequestBody.create(json, JSON));
        }
        return TestGateway.execute(request.build());
    }
}
