package com.vendin.whatsapp.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vendin.whatsapp.app.support.Eventually;
import com.vendin.whatsapp.app.support.MetaPayloads;
import com.vendin.whatsapp.ports.common.Secret;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo's agents: Moda Brasil's rich answer, and Tech Store's late answer signed and sent to the send API. */
class DemoAgentsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "tech-store-instance-secret";

    private final MockWebServer gateway = new MockWebServer();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final DemoStores stores = new DemoStores();
    private LateReplies late;
    private DemoAgents agents;

    @BeforeEach
    void start() throws Exception {
        gateway.start();
        stores.listeningOn(gateway.url("/").toString());
        stores.seeded("tech-store", new Secret(SECRET));
        late = new LateReplies(
                stores,
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                scheduler,
                Clock.systemUTC(),
                JSON,
                Duration.ofMillis(100));
        agents = new DemoAgents(JSON, stores, late);
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
        gateway.close();
    }

    private static byte[] call(String store, String role, String from, String messageId, String message) {
        return JSON.createObjectNode()
                .put("from", from)
                .put("message", message)
                .put("role", role)
                .put("threadId", from)
                .put("messageId", messageId)
                .put("tenantId", store)
                .put("type", "text")
                .toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void givenModaBrasilCustomerWhenAnsweredThenTextProductPhotoOfTheDemoAndTwoButtons() throws Exception {
        JsonNode reply = JSON.readTree(
                agents.answer("moda-brasil", call("moda-brasil", "customer", "+5511988887777", "wamid.1", "Olá"))
                        .orElseThrow());

        JsonNode messages = reply.path("messages");
        assertThat(reply.has("text")).isFalse();
        assertThat(messages).hasSize(3);
        assertThat(messages.get(0).path("type").asText()).isEqualTo("text");
        assertThat(messages.get(0).path("text").asText()).startsWith("Moda Brasil aqui! Recebemos \"Olá\".");
        assertThat(messages.get(1).path("type").asText()).isEqualTo("image");
        assertThat(messages.get(1).path("url").asText())
                .isEqualTo(gateway.url("/demo/products/camiseta-azul.png").toString());
        assertThat(messages.get(1).path("caption").asText()).contains("Camiseta azul");
        assertThat(messages.get(2).path("type").asText()).isEqualTo("buttons");
        assertThat(messages.get(2).path("buttons").findValuesAsText("title")).containsExactly("Comprar", "Ver cores");
        assertThat(messages.get(2).path("buttons").findValuesAsText("id")).containsExactly("comprar", "ver-cores");
        assertThat(gateway.getRequestCount()).isZero();
    }

    @Test
    void givenOwnerOrCafeAromaWhenAnsweredThenPlainText() throws Exception {
        JsonNode owner = JSON.readTree(
                agents.answer("moda-brasil", call("moda-brasil", "admin", "+5511977771111", "wamid.2", "Vendas?"))
                        .orElseThrow());
        JsonNode cafe =
                JSON.readTree(agents.answer("cafe-aroma", call("cafe-aroma", "customer", "+5511966665555", "SM1", "Oi"))
                        .orElseThrow());
        JsonNode techOwner = JSON.readTree(
                agents.answer("tech-store", call("tech-store", "admin", "+5511977772222", "wamid.3", "Estoque?"))
                        .orElseThrow());

        assertThat(owner.path("text").asText()).startsWith("Moda Brasil (painel do dono)");
        assertThat(cafe.path("text").asText()).startsWith("Cafe Aroma: \"Oi\" anotado!");
        assertThat(techOwner.path("text").asText()).startsWith("Tech Store (painel do dono)");
        assertThat(agents.answer("no-such-store", call("x", "customer", "+55119", "w", "a")))
                .isEmpty();
        assertThat(gateway.getRequestCount()).isZero();
    }

    @Test
    void givenTechStoreCustomerWhenAnsweredThenNoTextAtOnceAndLaterASignedSendWithReplyTo() throws Exception {
        gateway.enqueue(new MockResponse.Builder()
                .code(202)
                .setHeader("Content-Type", "application/json")
                .body("{\"id\":\"snd_1\",\"parts\":[{\"id\":\"out-42\",\"state\":\"pending\"}]}")
                .build());
        Instant before = Instant.now();

        String answer = agents.answer(
                        "tech-store", call("tech-store", "customer", "+5511955554444", "wamid.TECH1", "Tem fone?"))
                .orElseThrow();

        assertThat(JSON.readTree(answer).path("text").asText("")).isEmpty();
        assertThat(JSON.readTree(answer).has("messages")).isFalse();
        RecordedRequest sent = gateway.takeRequest(5, TimeUnit.SECONDS);
        assertThat(sent).isNotNull();
        assertThat(sent.getMethod()).isEqualTo("POST");
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/api/v1/tenants/tech-store/messages");
        assertThat(sent.getHeaders().get("Authorization")).isNull();
        String raw = sent.getBody().string(StandardCharsets.UTF_8);
        String timestamp = sent.getHeaders().get("X-Vendin-Timestamp");
        assertThat(Long.parseLong(timestamp))
                .isBetween(before.getEpochSecond() - 1, Instant.now().getEpochSecond() + 1);
        String expected = HexFormat.of()
                .formatHex(MetaPayloads.hmac(
                        "HmacSHA256",
                        SECRET.getBytes(StandardCharsets.UTF_8),
                        (timestamp + "." + raw).getBytes(StandardCharsets.UTF_8)));
        assertThat(sent.getHeaders().get("X-Vendin-Signature")).isEqualTo("v1=" + expected);
        JsonNode body = JSON.readTree(raw);
        assertThat(body.path("to").asText()).isEqualTo("+5511955554444");
        assertThat(body.path("replyTo").asText()).isEqualTo("wamid.TECH1");
        assertThat(body.path("idempotencyKey").asText()).isNotBlank();
        assertThat(body.path("messages")).hasSize(1);
        assertThat(body.path("messages").get(0).path("type").asText()).isEqualTo("text");
        assertThat(body.path("messages").get(0).path("text").asText())
                .startsWith("Tech Store: recebemos \"Tem fone?\"");
        assertThat(raw).doesNotContain(SECRET);
        Eventually.within(
                Duration.ofSeconds(5),
                "the 202's part is recorded",
                () -> late.replyToOfPart(42).isPresent());
        assertThat(late.replyToOfPart(42)).contains("wamid.TECH1");
        assertThat(late.replyToOfPart(41)).isEmpty();
    }

    @Test
    void givenSendApiFailsOnceWhenLateReplySentThenRetriedWithTheSameIdempotencyKey() throws Exception {
        gateway.enqueue(new MockResponse.Builder().code(503).body("").build());
        gateway.enqueue(new MockResponse.Builder()
                .code(202)
                .setHeader("Content-Type", "application/json")
                .body("{\"id\":\"snd_2\",\"parts\":[{\"id\":\"out-7\",\"state\":\"pending\"}]}")
                .build());

        late.schedule(new LateReplies.Late("tech-store", "+5511955554444", "wamid.TECH2", "Oi"));

        RecordedRequest first = gateway.takeRequest(5, TimeUnit.SECONDS);
        RecordedRequest second = gateway.takeRequest(10, TimeUnit.SECONDS);
        assertThat(first).isNotNull();
        assertThat(second).isNotNull();
        String firstKey = JSON.readTree(first.getBody().string(StandardCharsets.UTF_8))
                .path("idempotencyKey")
                .asText();
        String secondKey = JSON.readTree(second.getBody().string(StandardCharsets.UTF_8))
                .path("idempotencyKey")
                .asText();
        assertThat(secondKey).isEqualTo(firstKey).isNotBlank();
        Eventually.within(
                Duration.ofSeconds(5),
                "the 202's part is recorded",
                () -> late.replyToOfPart(7).isPresent());
        assertThat(late.replyToOfPart(7)).contains("wamid.TECH2");
    }

    @Test
    void givenStoreNotSeededWhenLateReplySentThenNothingPosted() throws Exception {
        assertThat(late.sendNow(new LateReplies.Late("moda-brasil", "+5511955554444", "wamid.X", "Oi"), false))
                .isFalse();
        assertThat(gateway.getRequestCount()).isZero();
    }
}
