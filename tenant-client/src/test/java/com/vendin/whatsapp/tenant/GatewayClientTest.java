package com.vendin.whatsapp.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vendin.whatsapp.tenant.GatewayClient.Accepted;
import com.vendin.whatsapp.tenant.GatewayClient.GatewayException;
import com.vendin.whatsapp.tenant.GatewayClient.Part;
import com.vendin.whatsapp.tenant.GatewayClient.Send;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The send API client (CONTRACT §3.2) against MockWebServer playing the gateway. */
class GatewayClientTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final String SECRET = "instance-sécret-moda";

    private final MockWebServer gateway = new MockWebServer();
    private final HttpClient http = HttpClient.newHttpClient();
    private GatewayClient client;

    @BeforeEach
    void start() throws Exception {
        gateway.start();
        client = new GatewayClient(
                http, gateway.url("/").uri(), "moda-brasil", SECRET, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void sendsASignedRequestThatTheGatewaysSchemeVerifiesAndReadsThe202() throws Exception {
        gateway.enqueue(new MockResponse.Builder()
                .code(202)
                .body(
                        "{\"id\":\"snd_1\",\"parts\":[{\"id\":\"prt_1\",\"state\":\"pending\"},{\"id\":\"prt_2\",\"state\":\"pending\"}]}")
                .build());
        Reply messages = Reply.messages()
                .text("Seu pedido saiu!")
                .image(URI.create("https://cdn.example/nota.jpg"), null)
                .build();

        Accepted accepted = client.send(
                Send.to("+5511988887777", messages).replyingTo("wamid.A").withIdempotencyKey("ped-42"));

        assertThat(accepted)
                .isEqualTo(new Accepted("snd_1", List.of(new Part("prt_1", "pending"), new Part("prt_2", "pending"))));
        RecordedRequest request = gateway.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/v1/tenants/moda-brasil/messages");
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("X-Vendin-Timestamp")).isEqualTo(Long.toString(NOW.getEpochSecond()));
        byte[] body = request.getBody().toByteArray();
        assertThat(Json.parse(request.getBody().utf8()))
                .isEqualTo(Map.of(
                        "to", "+5511988887777",
                        "messages",
                                List.of(
                                        Map.of("type", "text", "text", "Seu pedido saiu!"),
                                        Map.of("type", "image", "url", "https://cdn.example/nota.jpg")),
                        "replyTo", "wamid.A",
                        "idempotencyKey", "ped-42"));
        SignatureVerifier verifier =
                new SignatureVerifier(SECRET, Duration.ofSeconds(300), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(verifier.verify(
                        request.getHeaders().get("X-Vendin-Timestamp"),
                        request.getHeaders().get("X-Vendin-Signature"),
                        body))
                .isEqualTo(SignatureVerifier.Result.VALID);
        assertThat(new SignatureVerifier("another-secret", Duration.ofSeconds(300), Clock.fixed(NOW, ZoneOffset.UTC))
                        .verify(
                                request.getHeaders().get("X-Vendin-Timestamp"),
                                request.getHeaders().get("X-Vendin-Signature"),
                                body))
                .isEqualTo(SignatureVerifier.Result.WRONG_SIGNATURE);
    }

    @Test
    void aTextReplyIsSentAsOneTextItemWithoutOptionalFields() throws Exception {
        gateway.enqueue(new MockResponse.Builder()
                .code(202)
                .body("{\"id\":\"snd_2\",\"parts\":[]}")
                .build());

        client.send(Send.to("BR.1234", Reply.text("Oi")));

        assertThat(gateway.takeRequest(1, TimeUnit.SECONDS).getBody().utf8())
                .isEqualTo("{\"to\":\"BR.1234\",\"messages\":[{\"type\":\"text\",\"text\":\"Oi\"}]}");
    }

    @Test
    void theGatewaysErrorsComeBackWithTheirCode() throws Exception {
        gateway.enqueue(new MockResponse.Builder()
                .code(409)
                .body("{\"error\":{\"code\":\"outside_service_window\",\"message\":\"only templates go after 24 h\"}}")
                .build());
        gateway.enqueue(new MockResponse.Builder()
                .code(502)
                .body("<html>bad gateway</html>")
                .build());

        assertThatThrownBy(() -> client.send(Send.to("+5511988887777", Reply.text("Oi"))))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.code()).isEqualTo("outside_service_window");
                    assertThat(e.getMessage()).contains("only templates go after 24 h");
                });
        assertThatThrownBy(() -> client.send(Send.to("+5511988887777", Reply.text("Oi"))))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.code()).isEqualTo("http_502"));
    }

    @Test
    void aTenantIdIsEscapedInThePathAndAGatewayWithABasePathKeepsIt() throws Exception {
        gateway.enqueue(new MockResponse.Builder()
                .code(202)
                .body("{\"id\":\"s\",\"parts\":[]}")
                .build());
        GatewayClient behindProxy = new GatewayClient(
                http, gateway.url("/gw/").uri(), "loja rio/1", SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

        behindProxy.send(Send.to("+5521999990000", Reply.text("Oi")));

        assertThat(gateway.takeRequest(1, TimeUnit.SECONDS).getUrl().encodedPath())
                .isEqualTo("/gw/api/v1/tenants/loja%20rio%2F1/messages");
        assertThatThrownBy(() -> Send.to("+5511988887777", Reply.none())).isInstanceOf(IllegalArgumentException.class);
    }
}
