package com.vendin.whatsapp.http.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.vendin.whatsapp.http.support.Json;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.delivery.AgentOutcome;
import com.vendin.whatsapp.ports.delivery.AgentRequest;
import com.vendin.whatsapp.ports.delivery.TenantEndpoint;
import com.vendin.whatsapp.ports.inbound.MessageContent;
import com.vendin.whatsapp.ports.inbound.Role;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SignedTenantClientTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final String SECRET = "instance-sécret-1";
    private static final Instant RECEIVED = Instant.parse("2026-11-24T11:59:58Z");

    private final MockWebServer tenant = new MockWebServer();
    private final OkHttpClient base = new OkHttpClient();
    private final SignedTenantClient client = new SignedTenantClient(
            base, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(2), Duration.ofMillis(500));

    @BeforeEach
    void start() throws Exception {
        tenant.start();
    }

    @AfterEach
    void stop() {
        tenant.close();
        base.dispatcher().executorService().shutdown();
        base.connectionPool().evictAll();
    }

    @Test
    void givenATenantThatAnswersTextWhenDeliveredThenRepliedWithASignedRequest() throws Exception {
        tenant.enqueue(new MockResponse.Builder()
                .code(200)
                .body("{\"text\":\"Sim, temos a azul!\"}")
                .build());

        AgentOutcome outcome = client.deliver(endpoint("/agent/"), image(Optional.of("Ana")));

        assertThat(outcome).isEqualTo(new AgentOutcome.Replied(Optional.of("Sim, temos a azul!")));
        RecordedRequest request = tenant.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/agent/webhooks/whatsapp");
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("X-Vendin-Tenant")).isEqualTo("moda-brasil");
        String timestamp = request.getHeaders().get("X-Vendin-Timestamp");
        assertThat(timestamp).isEqualTo(Long.toString(NOW.getEpochSecond()));
        byte[] body = request.getBody().toByteArray();
        assertThat(request.getHeaders().get("X-Vendin-Signature"))
                .isEqualTo("v1=" + expectedSignature(timestamp, body));
    }

    @Test
    void givenAMessageWhenDeliveredThenTheBodyHasTheSeedFieldsFirstThenTheTypeObject() throws Exception {
        tenant.enqueue(new MockResponse.Builder().code(200).body("{}").build());

        client.deliver(endpoint(""), image(Optional.of("Ana")));

        JsonNode body =
                Json.parse(tenant.takeRequest(1, TimeUnit.SECONDS).getBody().utf8());
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        assertThat(names)
                .containsExactly(
                        "from",
                        "message",
                        "role",
                        "threadId",
                        "messageId",
                        "tenantId",
                        "type",
                        "profileName",
                        "receivedAt",
                        "image");
        assertThat(body.path("from").asText()).isEqualTo("+5511988887777");
        assertThat(body.path("message").asText()).isEqualTo("Camiseta azul");
        assertThat(body.path("role").asText()).isEqualTo("customer");
        assertThat(body.path("threadId").asText()).isEqualTo("+5511988887777");
        assertThat(body.path("messageId").asText()).isEqualTo("wamid.HBgM1");
        assertThat(body.path("tenantId").asText()).isEqualTo("moda-brasil");
        assertThat(body.path("type").asText()).isEqualTo("image");
        assertThat(body.path("profileName").asText()).isEqualTo("Ana");
        assertThat(body.path("receivedAt").asText()).isEqualTo("2026-11-24T11:59:58Z");
        assertThat(body.at("/image/mediaId").asText()).isEqualTo("1000001");
        assertThat(body.at("/image/caption").asText()).isEqualTo("Camiseta azul");
    }

    @Test
    void givenNoProfileNameAndATextMessageWhenDeliveredThenBothAreLeftOut() throws Exception {
        tenant.enqueue(new MockResponse.Builder().code(200).body("{}").build());
        AgentRequest text = new AgentRequest(
                "wamid.T",
                new TenantId("moda-brasil"),
                new PhoneNumber("+5511988887777"),
                Role.ADMIN,
                "+5511988887777",
                MessageContent.text("status?"),
                Optional.empty(),
                RECEIVED);

        client.deliver(endpoint(""), text);

        JsonNode body =
                Json.parse(tenant.takeRequest(1, TimeUnit.SECONDS).getBody().utf8());
        assertThat(body.has("profileName")).isFalse();
        assertThat(body.has("text")).isFalse();
        assertThat(body.path("role").asText()).isEqualTo("admin");
        assertThat(body.path("message").asText()).isEqualTo("status?");
    }

    @Test
    void givenInstanceUrlsWithAndWithoutPathsAndSlashesWhenDeliveredThenThePathIsJoinedOnce() throws Exception {
        for (String[] pathAndExpected : new String[][] {
            {"", "/webhooks/whatsapp"},
            {"/", "/webhooks/whatsapp"},
            {"/agent", "/agent/webhooks/whatsapp"},
            {"/a/b/", "/a/b/webhooks/whatsapp"}
        }) {
            tenant.enqueue(new MockResponse.Builder().code(200).body("{}").build());

            client.deliver(endpoint(pathAndExpected[0]), image(Optional.empty()));

            assertThat(tenant.takeRequest(1, TimeUnit.SECONDS).getUrl().encodedPath())
                    .isEqualTo(pathAndExpected[1]);
        }
    }

    @Test
    void givenA2xxWithoutUsableTextWhenDeliveredThenRepliedWithNothing() {
        for (String body : List.of(
                "",
                "{}",
                "{\"text\":\"\"}",
                "{\"text\":\"   \"}",
                "{\"text\":null}",
                "{\"text\":42}",
                "OK",
                "[\"text\"]")) {
            tenant.enqueue(new MockResponse.Builder().code(200).body(body).build());

            assertThat(client.deliver(endpoint(""), image(Optional.empty())))
                    .as(body)
                    .isEqualTo(new AgentOutcome.Replied(Optional.empty()));
        }
        tenant.enqueue(new MockResponse.Builder().code(204).build());
        assertThat(client.deliver(endpoint(""), image(Optional.empty())))
                .isEqualTo(new AgentOutcome.Replied(Optional.empty()));
    }

    @Test
    void givenAReplyBodyOverOneMebibyteWhenDeliveredThenRepliedWithNothing() {
        String huge = "{\"text\":\"" + "a".repeat(1024 * 1024) + "\"}";
        tenant.enqueue(new MockResponse.Builder().code(200).body(huge).build());

        assertThat(client.deliver(endpoint(""), image(Optional.empty())))
                .isEqualTo(new AgentOutcome.Replied(Optional.empty()));
    }

    @Test
    void givenServerErrorsAndThrottlingWhenDeliveredThenRetryable() {
        for (int code : new int[] {500, 502, 503, 504, 429}) {
            tenant.enqueue(new MockResponse.Builder().code(code).build());

            assertThat(client.deliver(endpoint(""), image(Optional.empty())))
                    .as("HTTP %d", code)
                    .isInstanceOf(AgentOutcome.Retryable.class);
        }
        assertThat(tenant.getRequestCount()).isEqualTo(5);
    }

    @Test
    void givenARequestTimeoutStatusWhenDeliveredThenRetryable() {
        // OkHttp itself repeats a request once after a 408, so the tenant answers 408 twice
        tenant.enqueue(new MockResponse.Builder().code(408).build());
        tenant.enqueue(new MockResponse.Builder().code(408).build());

        assertThat(client.deliver(endpoint(""), image(Optional.empty()))).isInstanceOf(AgentOutcome.Retryable.class);
    }

    @Test
    void givenOtherClientErrorsOrARedirectWhenDeliveredThenRejected() {
        for (int code : new int[] {400, 401, 403, 404, 410, 422, 302}) {
            tenant.enqueue(new MockResponse.Builder()
                    .code(code)
                    .addHeader("Location", "http://elsewhere.invalid/")
                    .build());

            assertThat(client.deliver(endpoint(""), image(Optional.empty())))
                    .as("HTTP %d", code)
                    .isInstanceOf(AgentOutcome.Rejected.class);
        }
        assertThat(tenant.getRequestCount()).isEqualTo(7);
    }

    @Test
    void givenARefusedConnectionWhenDeliveredThenRetryable() throws Exception {
        MockWebServer gone = new MockWebServer();
        gone.start();
        URI url = URI.create("http://127.0.0.1:" + gone.getPort() + "/");
        gone.close();

        AgentOutcome outcome = client.deliver(
                new TenantEndpoint(new TenantId("moda-brasil"), url, new Secret(SECRET)), image(Optional.empty()));

        assertThat(outcome).isInstanceOf(AgentOutcome.Retryable.class);
    }

    @Test
    void givenATenantSlowerThanTheCallTimeoutWhenDeliveredThenRetryable() {
        tenant.enqueue(new MockResponse.Builder()
                .code(200)
                .body("{\"text\":\"late\"}")
                .headersDelay(5, TimeUnit.SECONDS)
                .build());
        long started = System.nanoTime();

        AgentOutcome outcome = client.deliver(endpoint(""), image(Optional.empty()));

        assertThat(outcome).isInstanceOf(AgentOutcome.Retryable.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void givenAnInstanceUrlThatIsNotHttpWhenDeliveredThenRejected() {
        AgentOutcome outcome = client.deliver(
                new TenantEndpoint(new TenantId("moda-brasil"), URI.create("ftp://files.example/"), new Secret(SECRET)),
                image(Optional.empty()));

        assertThat(outcome).isInstanceOf(AgentOutcome.Rejected.class);
    }

    private TenantEndpoint endpoint(String path) {
        return new TenantEndpoint(
                new TenantId("moda-brasil"),
                URI.create("http://127.0.0.1:" + tenant.getPort() + path),
                new Secret(SECRET));
    }

    private static AgentRequest image(Optional<String> profileName) {
        MessageContent content = new MessageContent(
                "image",
                "Camiseta azul",
                Optional.of("{\"mediaId\":\"1000001\",\"mimeType\":\"image/jpeg\",\"caption\":\"Camiseta azul\"}"));
        return new AgentRequest(
                "wamid.HBgM1",
                new TenantId("moda-brasil"),
                new PhoneNumber("+5511988887777"),
                Role.CUSTOMER,
                "+5511988887777",
                content,
                profileName,
                RECEIVED);
    }

    /** Recomputed here with the JDK, independently of the production helper. */
    private static String expectedSignature(String timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
