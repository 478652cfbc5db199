package com.vendin.whatsapp.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.http.GatewayHttpServer;
import com.vendin.whatsapp.http.HttpConfig;
import com.vendin.whatsapp.http.common.ApiErrors;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.send.SendReceipt;
import com.vendin.whatsapp.ports.send.SendRequest;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The send route over real HTTP with odd requests (CONTRACT §3.2): every one a clear 4xx naming the problem, never a
 * 500, nothing sent; the tenant's own signature in its accepted and refused forms.
 */
class TenantMessageRoutesTest {
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private static final MediaType JSON = MediaType.get("application/json");
    private static final String SECRET = "moda-instance-secret";
    private static final String OK = "{\"to\":\"+5511988887777\",\"messages\":[{\"type\":\"text\",\"text\":\"Oi\"}]}";

    private final OkHttpClient client = new OkHttpClient();
    private final List<SendRequest> sent = new CopyOnWriteArrayList<>();
    private GatewayHttpServer server;

    @BeforeEach
    void start() {
        TenantMessageRoutes routes = new TenantMessageRoutes(
                request -> {
                    sent.add(request);
                    return new SendReceipt("snd_1", List.of(new SendReceipt.Part("out-1", "pending")));
                },
                tenant ->
                        tenant.equals(new TenantId("moda-brasil")) ? Optional.of(new Secret(SECRET)) : Optional.empty(),
                Clock.fixed(NOW, ZoneOffset.UTC),
                GatewayHttpServer.SHARED_MAPPER);
        server = new GatewayHttpServer(
                new HttpConfig(0, Optional.empty(), Optional.empty(), Optional.empty()),
                new ApiErrors(GatewayHttpServer.SHARED_MAPPER),
                List.of(routes));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void oddBodiesAreEachAClear400AndNothingIsSent() throws IOException {
        String to = "\"to\":\"+5511988887777\",";
        String text = "\"messages\":[{\"type\":\"text\",\"text\":\"Oi\"}]";
        List<String> bodies = List.of(
                "",
                "   ",
                "null",
                "\"hello\"",
                "{\"to\":\"+5511988887777\",",
                "[".repeat(5000) + "]".repeat(5000),
                "{" + to + "\"messages\":[null]}",
                "{" + to + "\"messages\":[[]]}",
                "{" + to + "\"messages\":[{\"type\":null}]}",
                "{" + to + "\"messages\":[{\"type\":7,\"text\":\"x\"}]}",
                "{" + to + "\"messages\":[{\"type\":\"buttons\",\"text\":\"x\",\"buttons\":[null]}]}",
                "{" + to + "\"messages\":[{\"type\":\"list\",\"text\":\"x\",\"button\":\"b\",\"sections\":[7]}]}",
                "{" + to + "\"messages\":[{\"type\":\"template\",\"name\":\"n\",\"language\":{\"code\":5}}]}",
                "{" + to + "\"messages\":null}",
                "{\"to\":{\"phone\":\"+5511988887777\"}," + text + "}",
                "{\"to\":[\"+5511988887777\"]," + text + "}",
                "{" + to + text + ",\"replyTo\":5}",
                "{" + to + text + ",\"replyTo\":{}}",
                "{" + to + text + ",\"idempotencyKey\":true}",
                "{" + to + text + ",\"idempotencyKey\":42}",
                "{" + to + text + ",\"idempotencyKey\":\"" + "k".repeat(256) + "\"}",
                "{" + to + text + ",\"replyTo\":\"   \"}");
        for (String body : bodies) {
            try (Response response = post("/api/v1/tenants/moda-brasil/messages", body, null, null)) {
                String answer = response.body().string();
                assertThat(response.code()).as(body + " → " + answer).isEqualTo(400);
                assertThat(answer).as(body).contains("\"code\":\"invalid_");
            }
        }
        assertThat(sent).isEmpty();
    }

    @Test
    void aBodyOverTheLimitIs413WhetherItsLengthIsAnnouncedOrChunked() throws IOException {
        String big = "{\"to\":\"+5511988887777\",\"messages\":[{\"type\":\"text\",\"text\":\"" + "a".repeat(70_000)
                + "\"}]}";
        try (Response response = post("/api/v1/tenants/moda-brasil/messages", big, null, null)) {
            assertThat(response.code()).isEqualTo(413);
        }
        RequestBody chunked = new RequestBody() {
            @Override
            public MediaType contentType() {
                return JSON;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.writeUtf8(big);
            }
        };
        long now = NOW.getEpochSecond();
        try (Response response = client.newCall(new Request.Builder()
                        .url(url("/api/v1/tenants/moda-brasil/messages"))
                        .header("X-Vendin-Timestamp", Long.toString(now))
                        .header("X-Vendin-Signature", sign(Long.toString(now), big))
                        .post(chunked)
                        .build())
                .execute()) {
            assertThat(response.code()).isEqualTo(413);
        }
        assertThat(sent).isEmpty();
    }

    @Test
    void theTenantsSignatureIsCheckedInEveryOddFormAndOnlyAValidOneSends() throws IOException {
        String now = Long.toString(NOW.getEpochSecond());
        String good = sign(now, OK);
        List<String[]> refused = List.of(
                new String[] {null, good},
                new String[] {"", good},
                new String[] {"abc", good},
                new String[] {"1e9", good},
                new String[] {"-" + now, good},
                new String[] {now + ".0", good},
                new String[] {"99999999999999999999", good},
                new String[] {
                    Long.toString(NOW.getEpochSecond() - 301), sign(Long.toString(NOW.getEpochSecond() - 301), OK)
                },
                new String[] {now, ""},
                new String[] {now, "v1="},
                new String[] {now, "v0=" + good.substring(3)},
                new String[] {now, good.substring(3)},
                new String[] {now, good + "00"},
                new String[] {now, "v1=zz" + good.substring(5)});
        for (String[] headers : refused) {
            try (Response response = post("/api/v1/tenants/moda-brasil/messages", OK, headers[0], headers[1])) {
                String answer = response.body().string();
                assertThat(response.code())
                        .as(headers[0] + " / " + headers[1] + " → " + answer)
                        .isEqualTo(401);
                assertThat(answer).contains("invalid_signature").doesNotContain(SECRET);
            }
        }
        try (Response response = post("/api/v1/tenants/pizza-sp/messages", OK, now, good)) {
            assertThat(response.code()).as("a tenant with no secret here").isEqualTo(401);
        }
        assertThat(sent).isEmpty();

        try (Response response = post(
                "/api/v1/tenants/moda-brasil/messages",
                OK,
                " " + now + " ",
                "V1=" + good.substring(3).toUpperCase())) {
            assertThat(response.code()).isEqualTo(202);
        }
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).tenantId()).isEqualTo(new TenantId("moda-brasil"));
    }

    private Response post(String path, String body, String timestamp, String signature) throws IOException {
        Request.Builder request = new Request.Builder()
                .url(url(path))
                .post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8), JSON));
        if (timestamp != null) {
            request.header("X-Vendin-Timestamp", timestamp);
        }
        if (signature != null) {
            request.header("X-Vendin-Signature", signature);
        }
        return client.newCall(request.build()).execute();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private static String sign(String timestamp, String body) {
        return "v1=" + TenantSignature.sign(SECRET, timestamp, body.getBytes(StandardCharsets.UTF_8));
    }
}
