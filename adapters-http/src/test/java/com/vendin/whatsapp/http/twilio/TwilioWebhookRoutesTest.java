package com.vendin.whatsapp.http.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.http.GatewayHttpServer;
import com.vendin.whatsapp.http.common.ApiErrors;
import com.vendin.whatsapp.http.support.RecordingReceiveWebhook;
import com.vendin.whatsapp.http.support.TestServer;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.inbound.DeliveryStatus;
import com.vendin.whatsapp.ports.inbound.InboundMessage;
import com.vendin.whatsapp.ports.inbound.StatusUpdate;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Twilio webhook over real HTTP with a recording use case: answers, limits, and what is handed on. */
class TwilioWebhookRoutesTest {
    private static final String TOKEN = "main-token";
    private static final String PUBLIC = "https://gw.example.com";
    private final RecordingReceiveWebhook receiver = new RecordingReceiveWebhook();
    private final OkHttpClient client = new OkHttpClient();
    private final GatewayHttpServer server;

    TwilioWebhookRoutesTest() {
        ApiErrors errors = new ApiErrors(GatewayHttpServer.SHARED_MAPPER);
        TwilioWebhookRoutes routes = new TwilioWebhookRoutes(
                Optional.of(URI.create(PUBLIC)),
                64 * 1024,
                (to, from, sid) -> List.of(new Secret(TOKEN)),
                receiver,
                GatewayHttpServer.SHARED_MAPPER,
                errors,
                Clock.fixed(TestServer.NOW, ZoneOffset.UTC));
        server = new GatewayHttpServer(TestServer.config(), errors, List.of(routes));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void aSignedMessageIsHandedOnAndAnsweredWithEmptyTwiml() throws Exception {
        Map<String, String> form = message();

        Answer answer = post(form, sign(PUBLIC + TwilioWebhookRoutes.PATH + "?store=42", form), "?store=42");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/xml");
        assertThat(answer.body()).isEqualTo(TwilioWebhookRoutes.EMPTY_TWIML);
        InboundMessage received = receiver.messages().get(0);
        assertThat(received.provider()).isEqualTo(Provider.TWILIO);
        assertThat(received.providerMessageId()).isEqualTo("SM0a1b2c3d4e5f60718293a4b5c6d7e8f9");
        assertThat(received.from()).isEqualTo("whatsapp:+5511987654321");
        assertThat(received.to().number()).isEqualTo("whatsapp:+551140045678");
        assertThat(received.to().phoneId()).isEmpty();
        assertThat(received.profileName()).contains("Ana Luísa");
        assertThat(received.providerTimestamp()).isEqualTo(TestServer.NOW);
        assertThat(received.content().text()).isEqualTo("Olá");
    }

    @Test
    void theQueryStringIsPartOfTheSignedUrl() throws Exception {
        Map<String, String> form = message();

        Answer answer = post(form, sign(PUBLIC + TwilioWebhookRoutes.PATH, form), "?store=42");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(receiver.batches()).isEmpty();
    }

    @Test
    void statusCallbacksBecomeStatusUpdatesAndAreAnswered204() throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", "SM11111111111111111111111111111111");
        form.put("MessageStatus", "undelivered");
        form.put("ErrorCode", "63016");
        form.put("From", "whatsapp:+551140045678");
        form.put("To", "whatsapp:+5511987654321");

        Answer answer = post(form, sign(PUBLIC + TwilioWebhookRoutes.PATH, form), "");

        assertThat(answer.status()).isEqualTo(204);
        assertThat(receiver.messages()).isEmpty();
        StatusUpdate status = receiver.statuses().get(0);
        assertThat(status.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(status.errorCode()).contains("63016");
        assertThat(status.providerMessageId()).isEqualTo("SM11111111111111111111111111111111");
    }

    @Test
    void theGatewayPartParameterOfASignedStatusCallbackUrlIsTheStatusesCorrelationId() throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", "SM22222222222222222222222222222222");
        form.put("MessageStatus", "sent");
        form.put("From", "whatsapp:+551140045678");
        form.put("To", "whatsapp:+5511987654321");
        String query = "?gatewayPart=wg-part-17";

        Answer answer = post(form, sign(PUBLIC + TwilioWebhookRoutes.PATH + query, form), query);
        Answer plain = post(form, sign(PUBLIC + TwilioWebhookRoutes.PATH, form), "");

        assertThat(answer.status()).isEqualTo(204);
        assertThat(plain.status()).isEqualTo(204);
        assertThat(receiver.statuses())
                .extracting(StatusUpdate::correlationId)
                .containsExactly(Optional.of("wg-part-17"), Optional.empty());
    }

    @Test
    void twilioStatusesMapOntoTheFourDeliveryStatuses() {
        assertThat(List.of(
                                "queued",
                                "accepted",
                                "sending",
                                "sent",
                                "delivered",
                                "read",
                                "failed",
                                "undelivered",
                                "canceled",
                                "receiving")
                        .stream()
                        .map(s -> TwilioStatuses.map(s).map(Enum::name).orElse("-"))
                        .toList())
                .containsExactly("SENT", "SENT", "SENT", "SENT", "DELIVERED", "READ", "FAILED", "FAILED", "-", "-");
    }

    @Test
    void aSignedRequestWithoutMessageSidIs400() throws Exception {
        Map<String, String> form = message();
        form.remove("MessageSid");
        form.remove("SmsSid");

        assertThat(post(form, sign(PUBLIC + TwilioWebhookRoutes.PATH, form), "").status())
                .isEqualTo(400);
    }

    @Test
    void aUsernameUserWithABsuidInFromIsHandedOnWithItsUserIdAndNoPhone() throws Exception {
        // Courier handlers/twiml handlers_test.go, waReceiveFromBSUID
        Map<String, String> form = new LinkedHashMap<>();
        form.put("ToCountry", "US");
        form.put("To", "whatsapp:+12028831111");
        form.put("MessageSid", "SMe287d7109a5a925f182f0e07fe5b223b");
        form.put("AccountSid", "acctid");
        form.put("From", "whatsapp:US.1234");
        form.put("ExternalUserId", "whatsapp:US.1234");
        form.put("ProfileUsername", "kfisher");
        form.put("Body", "Hello World");
        form.put("NumMedia", "0");
        form.put("ApiVersion", "2010-04-01");

        assertThat(post(form, sign(PUBLIC + TwilioWebhookRoutes.PATH, form), "").status())
                .isEqualTo(200);

        InboundMessage received = receiver.messages().get(0);
        assertThat(received.from()).isEmpty();
        assertThat(received.userId()).contains("US.1234");
        assertThat(received.username()).contains("kfisher");
        assertThat(received.replyAddress()).isEqualTo("US.1234");
    }

    @Test
    void aMessageWithoutAnyIdentityIsStillHandedOnForTheGatewayToRecord() throws Exception {
        Map<String, String> form = message();
        form.remove("From");

        assertThat(post(form, sign(PUBLIC + TwilioWebhookRoutes.PATH, form), "").status())
                .isEqualTo(200);

        InboundMessage received = receiver.messages().get(0);
        assertThat(received.from()).isEmpty();
        assertThat(received.userId()).isEmpty();
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        Map<String, String> form = message();
        form.put("Body", "x".repeat(70 * 1024));

        assertThat(post(form, sign(PUBLIC + TwilioWebhookRoutes.PATH, form), "").status())
                .isEqualTo(413);
        assertThat(receiver.batches()).isEmpty();
    }

    private static Map<String, String> message() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", "SM0a1b2c3d4e5f60718293a4b5c6d7e8f9");
        form.put("SmsSid", "SM0a1b2c3d4e5f60718293a4b5c6d7e8f9");
        form.put("AccountSid", "AC0123456789abcdef0123456789abcdef");
        form.put("From", "whatsapp:+5511987654321");
        form.put("To", "whatsapp:+551140045678");
        form.put("Body", "Olá");
        form.put("ProfileName", "Ana Luísa");
        form.put("MessageType", "text");
        form.put("NumMedia", "0");
        return form;
    }

    private static String sign(String url, Map<String, String> form) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        form.forEach((k, v) -> fields.put(k, List.of(v)));
        return TwilioSignature.compute(url, fields, TOKEN);
    }

    private Answer post(Map<String, String> form, String signature, String query) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        Request request = new Request.Builder()
                .url("http://127.0.0.1:" + server.port() + TwilioWebhookRoutes.PATH + query)
                .header(TwilioSignature.HEADER, signature)
                .post(RequestBody.create(body, MediaType.get("application/x-www-form-urlencoded")))
                .build();
        try (Response response = client.newCall(request).execute()) {
            return new Answer(
                    response.code(),
                    response.header("Content-Type", ""),
                    response.body().string());
        }
    }

    private record Answer(int status, String contentType, String body) {}
}
