package com.vendin.whatsapp.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.vendin.whatsapp.app.support.Eventually;
import com.vendin.whatsapp.app.support.FakeGraph;
import com.vendin.whatsapp.app.support.FakeTenant;
import com.vendin.whatsapp.app.support.MetaPayloads;
import com.vendin.whatsapp.app.support.TestGateway;
import com.vendin.whatsapp.app.support.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Statuses for tenants (CONTRACT §3.4) end to end, on SQLite and on PostgreSQL: a customer's message is
 * answered, the reply part is sent through a fake Graph, Meta's status webhooks move it on, and the store's
 * {@code /webhooks/whatsapp/status} receives each change of state, signed, in order, retried like deliveries.
 */
@ParameterizedClass
@ValueSource(strings = {"sqlite", "postgresql"})
class StatusesForTenantsTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String STATUS_PATH = "/webhooks/whatsapp/status";
    private static final String PHONE_ID = "100000000000001";
    private static final String DISPLAY = "5511999911111";
    private static final String CUSTOMER = "5511988887777";

    @Parameter
    String database;

    @TempDir
    Path dir;

    private FakeGraph graph;
    private FakeTenant store;
    private TestGateway gateway;
    private Map<String, String> env;
    private String instanceSecret;

    @BeforeEach
    void start() throws Exception {
        graph = new FakeGraph().start();
        store = new FakeTenant().start();
        env = TestGateway.environment(dir, graph.baseUrl());
        if (database.equals("postgresql")) {
            env.put("GATEWAY_DATABASE_URL", TestPostgres.freshDatabaseUrl());
            env.put("GATEWAY_SECRET_KEY", Base64.getEncoder().encodeToString(new byte[32]));
        }
        gateway = TestGateway.start(env);
        var created = gateway.admin(
                "POST",
                "/api/v1/tenants",
                "{\"id\":\"moda-brasil\",\"subdomain\":\"moda-brasil\","
                        + "\"instanceUrl\":\"" + store.url() + "\",\"whatsapp\":{\"phoneNumber\":\"+" + DISPLAY + "\","
                        + "\"phoneId\":\"" + PHONE_ID
                        + "\",\"provider\":\"facebook\",\"accessToken\":\"moda-token\"}}");
        assertThat(created.code()).as(created.body()).isEqualTo(201);
        instanceSecret = created.json().path("instanceSecret").asText();
    }

    @AfterEach
    void stop() {
        gateway.close();
        store.close();
        graph.close();
    }

    @Test
    void aReplyPartsSentDeliveredAndReadReachTheStoreInOrderSignedAndALateDeliveredIsNotSent() {
        String wamid = replyTo("wamid.IN1", "Tem a camiseta azul?");
        String partId = partId();

        status(wamid, "delivered");
        status(wamid, "read");
        Eventually.within(
                WAIT, "three statuses reach the store", () -> statusCalls().size() == 3);
        status(wamid, "delivered");
        status(wamid, "sent");
        sleep(Duration.ofSeconds(1));

        List<FakeTenant.Call> calls = statusCalls();
        assertThat(calls)
                .extracting(c -> c.body().path("status").asText())
                .containsExactly("sent", "delivered", "read");
        for (FakeTenant.Call call : calls) {
            JsonNode body = call.body();
            assertThat(body.path("tenantId").asText()).isEqualTo("moda-brasil");
            assertThat(body.path("messageId").asText()).isEqualTo(partId);
            assertThat(body.path("replyTo").asText()).isEqualTo("wamid.IN1");
            assertThat(body.has("errorCode")).isFalse();
            assertThat(Instant.parse(body.path("timestamp").asText()))
                    .isBefore(Instant.now().plusSeconds(1));
            assertThat(call.header("Content-Type")).startsWith("application/json");
            assertThat(call.header("X-Vendin-Tenant")).isEqualTo("moda-brasil");
            String timestamp = call.header("X-Vendin-Timestamp");
            assertThat(Long.parseLong(timestamp))
                    .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
            assertThat(call.header("X-Vendin-Signature"))
                    .isEqualTo("v1="
                            + HexFormat.of()
                                    .formatHex(MetaPayloads.hmac(
                                            "HmacSHA256",
                                            instanceSecret.getBytes(StandardCharsets.UTF_8),
                                            (timestamp + "." + call.rawBody()).getBytes(StandardCharsets.UTF_8))));
        }
        assertThat(outbound().get(0).path("state").asText()).isEqualTo("read");
    }

    @Test
    void aFailedPartReachesTheStoreWithTheProvidersErrorCode() {
        String wamid = replyTo("wamid.IN2", "Olá");
        String value = "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"" + DISPLAY
                + "\",\"phone_number_id\":\"" + PHONE_ID + "\"},\"statuses\":[{\"id\":\"" + wamid + "\",\"status\":"
                + "\"failed\",\"timestamp\":\"" + Instant.now().getEpochSecond() + "\",\"recipient_id\":\"" + CUSTOMER
                + "\",\"errors\":[{\"code\":131047,\"title\":\"Re-engagement message\",\"message\":\"Re-engagement "
                + "message\",\"error_data\":{\"details\":\"Message failed to send because more than 24 hours have "
                + "passed since the customer last replied to this number.\"}}]}]}";
        assertThat(gateway.postMetaWebhook(MetaPayloads.webhook()
                                .rawChange("messages", value)
                                .json())
                        .code())
                .isEqualTo(200);

        Eventually.within(
                WAIT, "two statuses reach the store", () -> statusCalls().size() == 2);
        assertThat(statusCalls())
                .extracting(c -> c.body().path("status").asText())
                .containsExactly("sent", "failed");
        assertThat(statusCalls().get(1).body().path("errorCode").asText()).isEqualTo("131047");
    }

    @Test
    void aStoreThatAnswers500IsRetriedInOrderUntilItAnswers200() {
        AtomicInteger statusAttempts = new AtomicInteger();
        store.answerStatusCalls(body -> statusAttempts.incrementAndGet() <= 2 ? 500 : 200);
        String wamid = replyTo("wamid.IN3", "Oi");
        status(wamid, "delivered");
        status(wamid, "read");

        Eventually.within(
                Duration.ofSeconds(30),
                "all three statuses are accepted",
                () -> statusCalls().stream().filter(FakeTenant.Call::accepted).count() == 3);
        assertThat(statusCalls())
                .extracting(c -> c.body().path("status").asText() + ":" + c.status())
                .containsExactly("sent:500", "sent:500", "sent:200", "delivered:200", "read:200");
    }

    @Test
    void aStoreThatAnswers404IsNotCalledAgainForThatPart() {
        store.answerStatusCalls(body -> 404);
        String wamid = replyTo("wamid.IN4", "Oi");
        Eventually.within(
                WAIT, "the first status is offered", () -> statusCalls().size() == 1);

        status(wamid, "delivered");
        status(wamid, "read");
        Eventually.within(
                WAIT,
                "the part is read",
                () -> outbound().stream().anyMatch(m -> m.path("state").asText().equals("read")));
        String second = replyTo("wamid.IN5", "Mais uma coisa");
        Eventually.within(
                WAIT,
                "the second part's first status is offered",
                () -> statusCalls().size() == 2);
        status(second, "delivered");
        sleep(Duration.ofSeconds(1));

        assertThat(statusCalls())
                .extracting(c -> c.body().path("status").asText() + ":"
                        + c.body().path("replyTo").asText())
                .containsExactly("sent:wamid.IN4", "sent:wamid.IN5");
    }

    @Test
    void aStatusTheStoreCouldNotTakeIsKeptAcrossARestartAndPostedOnceItIsBack() {
        AtomicInteger answer = new AtomicInteger(503);
        store.answerStatusCalls(body -> answer.get());
        replyTo("wamid.IN6", "Oi");
        Eventually.within(
                WAIT, "the first status is offered", () -> statusCalls().size() == 1);

        gateway.close();
        answer.set(200);
        gateway = TestGateway.start(env);

        Eventually.within(
                WAIT,
                "the status is posted again after the restart",
                () -> statusCalls().stream().anyMatch(FakeTenant.Call::accepted));
        assertThat(statusCalls())
                .extracting(c -> c.body().path("status").asText() + ":" + c.status())
                .containsExactly("sent:503", "sent:200");
    }

    /** Posts a customer message, waits for the store's reply to be sent and recorded, and returns its wamid. */
    private String replyTo(String inboundWamid, String text) {
        int sends = graph.sends().size();
        assertThat(gateway.postMetaWebhook(MetaPayloads.webhook()
                                .text(PHONE_ID, DISPLAY, CUSTOMER, inboundWamid, text)
                                .json())
                        .code())
                .isEqualTo(200);
        Eventually.within(WAIT, "the reply is sent", () -> graph.sends().size() == sends + 1);
        String wamid = graph.sends().get(sends).wamid();
        Eventually.within(
                WAIT,
                "the gateway records the send",
                () -> outbound().stream()
                        .anyMatch(m -> m.path("providerMessageId").asText().equals(wamid)));
        return wamid;
    }

    private void status(String wamid, String status) {
        assertThat(gateway.postMetaWebhook(MetaPayloads.webhook()
                                .status(PHONE_ID, DISPLAY, wamid, status, CUSTOMER)
                                .json())
                        .code())
                .isEqualTo(200);
    }

    private String partId() {
        return outbound().get(0).path("id").asText();
    }

    private List<FakeTenant.Call> statusCalls() {
        List<FakeTenant.Call> calls = store.statusCalls();
        assertThat(calls)
                .allSatisfy(c -> assertThat(c.request().getUrl().encodedPath()).isEqualTo(STATUS_PATH));
        return calls;
    }

    private List<JsonNode> outbound() {
        JsonNode list = gateway.admin("GET", "/api/v1/tenants/moda-brasil/messages", null)
                .json();
        return StreamSupport.stream(list.path("items").spliterator(), false)
                .filter(m -> m.path("direction").asText().equals("outbound"))
                .toList();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
