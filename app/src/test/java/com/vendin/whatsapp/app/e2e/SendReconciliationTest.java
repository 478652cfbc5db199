package com.vendin.whatsapp.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.vendin.whatsapp.app.support.AdminCalls;
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
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reply part Meta accepted is never sent again even when the gateway never recorded Graph's answer: Meta's
 * status webhook echoes the part's {@code biz_opaque_callback_data} and records the send (CONTRACT §4).
 */
class SendReconciliationTest {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String TENANT = "moda";
    private static final String PHONE_ID = "100000000000001";
    private static final String DISPLAY = "5511999911111";

    @TempDir
    Path dir;

    @Test
    void givenGraphAnswerLostButItsStatusArrivesWhenTheRetryWouldBeDueThenThePartIsSentOnceWithTheStatusesWamid()
            throws Exception {
        try (FakeGraph graph = new FakeGraph().start().loseAnswers();
                FakeTenant tenant = new FakeTenant().start();
                TestGateway gateway = TestGateway.start(TestGateway.environment(dir, graph.baseUrl()))) {
            graph.echoStatusesTo(gateway.baseUrl() + "/webhooks/whatsapp/facebook", WAIT);
            AdminCalls.createMetaTenant(gateway, TENANT, tenant.url(), "+5511999911111", PHONE_ID, "moda-token");

            assertThat(gateway.postMetaWebhook(MetaPayloads.webhook()
                                    .text(PHONE_ID, DISPLAY, "5511988887777", "wamid.IN1", "Oi")
                                    .json())
                            .code())
                    .isEqualTo(200);

            Eventually.within(
                    WAIT,
                    "the status recorded the send",
                    () -> graph.echo().delivered() == 1
                            && AdminCalls.inboundState(gateway, TENANT, "wamid.IN1")
                                    .equals("replied"));
            long recordedAt = System.nanoTime();
            Eventually.within(
                    WAIT,
                    "the first retry (at most 3 s after the lost answer) would have come by now",
                    () -> System.nanoTime() - recordedAt
                            > Duration.ofMillis(3_500).toNanos());
            assertThat(graph.attempts()).as("Graph calls").hasSize(1);
            JsonNode part = reply(AdminCalls.messages(gateway, TENANT).stream()).orElseThrow();
            assertThat(part.path("state").asText()).isEqualTo("sent");
            assertThat(part.path("providerMessageId").asText())
                    .isEqualTo(graph.sends().get(0).wamid());
            assertThat(graph.sends().get(0).callbackData()).startsWith("wg-part-");
        }
    }

    @Test
    void givenKillWhileTheSendWasOnTheWireWhenRestartedThenTheLeasedPartWaitsForItsStatusAndIsNotSentAgain()
            throws Exception {
        try (FakeGraph graph = new FakeGraph().start().delayAnswers(Duration.ofSeconds(20));
                FakeTenant tenant = new FakeTenant().start()) {
            int port = GatewayProcess.freePort(); // after the fakes took their ports
            graph.echoStatusesTo("http://127.0.0.1:" + port + "/webhooks/whatsapp/facebook", Duration.ofSeconds(60))
                    .echo()
                    .firstAfter(Duration.ofSeconds(6));
            Map<String, String> env = TestGateway.environment(dir, graph.baseUrl());
            Path log = dir.resolve("gateway.log");
            GatewayProcess first = GatewayProcess.start(env, port, log);
            HttpResult created = admin(
                    first,
                    "/api/v1/tenants",
                    "{\"id\":\"" + TENANT + "\",\"subdomain\":\"" + TENANT
                            + "\",\"instanceUrl\":\"" + tenant.url()
                            + "\",\"whatsapp\":{\"phoneNumber\":\"+5511999911111\","
                            + "\"phoneId\":\"" + PHONE_ID
                            + "\",\"provider\":\"facebook\",\"accessToken\":\"moda-token\"}}");
            assertThat(created.code()).as(created.body()).isEqualTo(201);
            byte[] webhook = MetaPayloads.webhook()
                    .text(PHONE_ID, DISPLAY, "5511988887777", "wamid.IN2", "Oi")
                    .json()
                    .getBytes(StandardCharsets.UTF_8);
            assertThat(TestGateway.execute(new Request.Builder()
                                    .url(first.baseUrl() + "/webhooks/whatsapp/facebook")
                                    .header("X-Hub-Signature-256", MetaPayloads.sign(webhook, TestGateway.APP_SECRET))
                                    .post(RequestBody.create(webhook, JSON))
                                    .build())
                            .code())
                    .isEqualTo(200);
            Eventually.within(
                    WAIT, "the send reached Graph", () -> graph.sends().size() == 1);

            first.kill();

            try (GatewayProcess second = GatewayProcess.start(env, port, log)) {
                Eventually.within(
                        WAIT,
                        "Meta's status recorded the send after the restart",
                        () -> graph.echo().delivered() == 1
                                && replyState(second).equals("sent"));
                assertThat(graph.attempts()).as("Graph calls").hasSize(1);
                assertThat(messagesJson(second))
                        .contains("\"providerMessageId\":\""
                                + graph.sends().get(0).wamid() + "\"")
                        .contains("\"replied\"");
            }
        }
    }

    private static Optional<JsonNode> reply(java.util.stream.Stream<JsonNode> messages) {
        return messages.filter(m -> m.path("direction").asText().equals("outbound"))
                .findFirst();
    }

    private static String replyState(GatewayProcess gateway) {
        HttpResult list = get(gateway, "/api/v1/tenants/" + TENANT + "/messages");
        return reply(AdminCalls.items(list).stream())
                .map(m -> m.path("state").asText())
                .orElse("");
    }

    private static String messagesJson(GatewayProcess gateway) {
        return get(gateway, "/api/v1/tenants/" + TENANT + "/messages").body();
    }

    private static HttpResult get(GatewayProcess gateway, String path) {
        return TestGateway.execute(new Request.Builder()
                .url(gateway.baseUrl() + path)
                .header("Authorization", "Bearer " + TestGateway.ADMIN_TOKEN)
                .build());
    }

    private static HttpResult admin(GatewayProcess gateway, String path, String json) {
        return TestGateway.execute(new Request.Builder()
                .url(gateway.baseUrl() + path)
                .header("Authorization", "Bearer " + TestGateway.ADMIN_TOKEN)
                .post(RequestBody.create(json, JSON))
                .build());
    }
}
