package com.vendin.whatsapp.http.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.vendin.whatsapp.http.support.Json;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.delivery.TenantEndpoint;
import com.vendin.whatsapp.ports.inbound.DeliveryStatus;
import com.vendin.whatsapp.ports.status.NotifyOutcome;
import com.vendin.whatsapp.ports.status.TenantStatusEvent;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
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

class SignedStatusClientTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final String SECRET = "instance-sécret-2";

    private final MockWebServer tenant = new MockWebServer();
    private final SignedStatusClient client = new SignedStatusClient(
            new OkHttpClient(), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(2), Duration.ofMillis(500));

    @BeforeEach
    void start() throws Exception {
        tenant.start();
    }

    @AfterEach
    void stop() {
        tenant.close();
    }

    @Test
    void givenFailedPartWhenNotifiedThenPostedSignedToTheStatusPathWithItsFields() throws Exception {
        tenant.enqueue(new MockResponse.Builder().code(204).build());

        NotifyOutcome outcome = client.notify(
                endpoint("/agent"),
                new TenantStatusEvent(
                        1,
                        new TenantId("moda-brasil"),
                        "out-42",
                        Optional.of("wamid.IN1"),
                        DeliveryStatus.FAILED,
                        Optional.of("131047"),
                        Instant.parse("2026-11-24T11:59:00Z"),
                        0));

        assertThat(outcome).isEqualTo(new NotifyOutcome.Accepted());
        RecordedRequest request = tenant.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/agent/webhooks/whatsapp/status");
        assertThat(request.getHeaders().get("X-Vendin-Tenant")).isEqualTo("moda-brasil");
        assertThat(request.getHeaders().get("X-Vendin-Timestamp")).isEqualTo(Long.toString(NOW.getEpochSecond()));
        byte[] raw = request.getBody().toByteArray();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((NOW.getEpochSecond() + ".").getBytes(StandardCharsets.UTF_8));
        assertThat(request.getHeaders().get("X-Vendin-Signature"))
                .isEqualTo("v1=" + HexFormat.of().formatHex(mac.doFinal(raw)));
        JsonNode body = Json.parse(new String(raw, StandardCharsets.UTF_8));
        assertThat(body.toString())
                .isEqualTo(
                        "{\"tenantId\":\"moda-brasil\",\"messageId\":\"out-42\",\"replyTo\":"
                                + "\"wamid.IN1\",\"status\":\"failed\",\"errorCode\":\"131047\",\"timestamp\":\"2026-11-24T11:59:00Z\"}");
    }

    @Test
    void givenTenantAnswersWhenNotifiedThenClassifiedAsDeliveriesAreWith404Declined() {
        assertThat(SignedStatusClient.classify(200)).isInstanceOf(NotifyOutcome.Accepted.class);
        assertThat(SignedStatusClient.classify(404)).isInstanceOf(NotifyOutcome.Declined.class);
        assertThat(SignedStatusClient.classify(500)).isInstanceOf(NotifyOutcome.Retryable.class);
        assertThat(SignedStatusClient.classify(429)).isInstanceOf(NotifyOutcome.Retryable.class);
        assertThat(SignedStatusClient.classify(408)).isInstanceOf(NotifyOutcome.Retryable.class);
        assertThat(SignedStatusClient.classify(400)).isInstanceOf(NotifyOutcome.Rejected.class);
        assertThat(SignedStatusClient.classify(301)).isInstanceOf(NotifyOutcome.Rejected.class);
    }

    @Test
    void givenTenantThatHangsOrIsDownWhenNotifiedThenRetryable() {
        tenant.enqueue(new MockResponse.Builder()
                .code(200)
                .headersDelay(2, TimeUnit.SECONDS)
                .build());
        TenantStatusEvent event = new TenantStatusEvent(
                1,
                new TenantId("moda-brasil"),
                "out-1",
                Optional.empty(),
                DeliveryStatus.SENT,
                Optional.empty(),
                NOW,
                0);

        assertThat(client.notify(endpoint(""), event)).isInstanceOf(NotifyOutcome.Retryable.class);
        tenant.close();
        assertThat(client.notify(endpoint(""), event)).isInstanceOf(NotifyOutcome.Retryable.class);
    }

    private TenantEndpoint endpoint(String path) {
        return new TenantEndpoint(
                new TenantId("moda-brasil"),
                URI.create("http://127.0.0.1:" + tenant.getPort() + path),
                new Secret(SECRET));
    }
}
