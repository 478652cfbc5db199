package com.vendin.whatsapp.whatsapp.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.delivery.OutboundContent;
import com.vendin.whatsapp.ports.delivery.OutboundMessage;
import com.vendin.whatsapp.ports.delivery.OutboundText;
import com.vendin.whatsapp.ports.delivery.SendOutcome;
import com.vendin.whatsapp.ports.delivery.SenderAccount;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.whatsapp.LogCapture;
import com.vendin.whatsapp.whatsapp.http.HttpClients;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TwilioSenderTest {
    private static final String SID = "AC0123456789abcdef0123456789abcdef";
    private static final String TOKEN = "f00dbabe5ecret7oken00112233445566";
    private static final SenderAccount ACCOUNT =
            SenderAccount.twilio(new PhoneNumber("+551140045678"), SID, new Secret(TOKEN));
    private static final String CREATED = "{\"sid\":\"SM0123456789abcdef0123456789abcdef\",\"status\":\"queued\"}";

    private final OkHttpClient client = HttpClients.standard();
    private final MockWebServer server = new MockWebServer();
    private TwilioSender sender;

    @BeforeEach
    void start() throws Exception {
        server.start();
        sender = new TwilioSender(client, server.url("/").toString());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void givenCreatedMessageWhenSendingThenPostsTheContractFormAndReturnsTheSid() throws Exception {
        server.enqueue(json(201, CREATED));

        SendOutcome outcome = sender.send(new OutboundText(ACCOUNT, "whatsapp:+5511987654321", "Seu pedido & ação"));

        assertThat(outcome).isEqualTo(new SendOutcome.Accepted("SM0123456789abcdef0123456789abcdef"));
        RecordedRequest request = take();
        assertThat(request.getRequestLine()).isEqualTo("POST /2010-04-01/Accounts/" + SID + "/Messages.json HTTP/1.1");
        assertThat(basicAuth(request)).isEqualTo(SID + ":" + TOKEN);
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(form(request))
                .containsExactly(
                        Map.entry("From", "whatsapp:+551140045678"),
                        Map.entry("To", "whatsapp:+5511987654321"),
                        Map.entry("Body", "Seu pedido & ação"));
    }

    @Test
    void givenAContentTemplateWhenSendingThenContentSidAndContentVariablesGoInPlaceOfBody() throws Exception {
        // Twilio's Content API docs: "ContentSid=HX…&ContentVariables=%7B%221%22%3A%22123456%22%7D in place of Body"
        server.enqueue(json(201, CREATED));

        SendOutcome outcome = sender.send(new OutboundMessage(
                ACCOUNT,
                "US.13491208655302741918",
                new OutboundContent.TwilioTemplate(
                        "HX0123456789abcdef0123456789abcdef", Optional.of("{\"1\":\"123456\"}")),
                Optional.empty(),
                Optional.empty()));

        assertThat(outcome).isInstanceOf(SendOutcome.Accepted.class);
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getBody().utf8()).contains("ContentVariables=%7B%221%22%3A%22123456%22%7D");
        assertThat(form(request))
                .containsExactly(
                        Map.entry("From", "whatsapp:+551140045678"),
                        Map.entry("To", "whatsapp:US.13491208655302741918"),
                        Map.entry("ContentSid", "HX0123456789abcdef0123456789abcdef"),
                        Map.entry("ContentVariables", "{\"1\":\"123456\"}"));
    }

    @Test
    void givenStatusCallbackUrlWhenSendingThenItIsSentAsStatusCallback() throws Exception {
        TwilioSender withCallback = new TwilioSender(
                client, server.url("/").toString(), Optional.of("https://gw.example.com/webhooks/whatsapp/twilio"));
        server.enqueue(json(201, CREATED));

        withCallback.send(new OutboundText(ACCOUNT, "whatsapp:+5511987654321", "oi"));

        assertThat(form(take())).containsEntry("StatusCallback", "https://gw.example.com/webhooks/whatsapp/twilio");
    }

    @Test
    void givenStatusCallbackUrlAndCorrelationIdWhenSendingThenTheCallbackUrlCarriesItAsGatewayPart() throws Exception {
        TwilioSender withCallback = new TwilioSender(
                client,
                server.url("/").toString(),
                Optional.of("https://gw.example.com/webhooks/whatsapp/twilio?env=prod"));
        server.enqueue(json(201, CREATED));
        server.enqueue(json(201, CREATED));

        withCallback.send(new OutboundText(ACCOUNT, "whatsapp:+5511987654321", "oi", Optional.of("wg-part-17")));
        sender.send(new OutboundText(ACCOUNT, "whatsapp:+5511987654321", "oi", Optional.of("wg-part-18")));

        assertThat(form(take()))
                .containsEntry(
                        "StatusCallback",
                        "https://gw.example.com/webhooks/whatsapp/twilio?env=prod&gatewayPart=wg-part-17");
        assertThat(form(take())).doesNotContainKey("StatusCallback");
    }

    @Test
    void givenRecipientSpelledWithoutPrefixWhenSendingThenToGetsOnePrefix() throws Exception {
        for (String to : List.of("+5511987654321", "5511987654321", "whatsapp:+5511987654321")) {
            server.enqueue(json(201, CREATED));

            sender.send(new OutboundText(ACCOUNT, to, "oi"));

            assertThat(form(take())).containsEntry("To", "whatsapp:+5511987654321");
        }
    }

    @Test
    void givenBaseUrlWithPathAndNoTrailingSlashWhenSendingThenPathIsJoined() throws Exception {
        sender = new TwilioSender(client, server.url("/twilio").toString());
        server.enqueue(json(201, CREATED));

        sender.send(new OutboundText(ACCOUNT, "+5511987654321", "oi"));

        assertThat(take().getTarget()).isEqualTo("/twilio/2010-04-01/Accounts/" + SID + "/Messages.json");
    }

    @Test
    void givenInvalidRecipient21211WhenSendingThenFailedTerminalWithTheCode() {
        server.enqueue(json(
                400,
                "{\"code\":21211,\"message\":\"The 'To' number whatsapp:+1 is not a valid phone "
                        + "number.\",\"more_info\":\"https://www.twilio.com/docs/errors/21211\",\"status\":400}"));

        SendOutcome outcome = sender.send(new OutboundText(ACCOUNT, "+1", "oi"));

        assertThat(outcome)
                .isEqualTo(new SendOutcome.Failed(
                        "21211", "The 'To' number whatsapp:+1 is not a valid phone number.", false, false));
    }

    @Test
    void givenTooManyRequests20429WhenSendingThenFailedRetryable() {
        server.enqueue(json(429, "{\"code\":20429,\"message\":\"Too Many Requests\",\"status\":429}"));

        SendOutcome.Failed failed = (SendOutcome.Failed) sender.send(new OutboundText(ACCOUNT, "+5511987654321", "x"));

        assertThat(failed.code()).isEqualTo("20429");
        assertThat(failed.retryable()).isTrue();
    }

    @Test
    void givenRateLimit63018OnA400WhenSendingThenFailedRetryable() {
        server.enqueue(json(400, "{\"code\":63018,\"message\":\"Rate limit exceeded\",\"status\":400}"));

        SendOutcome.Failed failed = (SendOutcome.Failed) sender.send(new OutboundText(ACCOUNT, "+5511987654321", "x"));

        assertThat(failed.code()).isEqualTo("63018");
        assertThat(failed.retryable()).isTrue();
    }

    @Test
    void givenHttp503WithHtmlBodyWhenSendingThenFailedRetryableWithHttpCode() {
        server.enqueue(new MockResponse(503, Headers.of("Content-Type", "text/html"), "<html>down</html>"));

        SendOutcome.Failed failed = (SendOutcome.Failed) sender.send(new OutboundText(ACCOUNT, "+5511987654321", "x"));

        assertThat(failed.code()).isEqualTo("http_503");
        assertThat(failed.retryable()).isTrue();
    }

    @Test
    void givenBadCredentials20003WhenSendingThenFailedTerminal() {
        server.enqueue(json(401, "{\"code\":20003,\"message\":\"Authenticate\",\"status\":401}"));

        SendOutcome.Failed failed = (SendOutcome.Failed) sender.send(new OutboundText(ACCOUNT, "+5511987654321", "x"));

        assertThat(failed.code()).isEqualTo("20003");
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.reauthRequired()).isFalse();
    }

    @Test
    void givenServerDownWhenSendingThenFailedRetryableNetwork() {
        server.close();

        SendOutcome.Failed failed = (SendOutcome.Failed) sender.send(new OutboundText(ACCOUNT, "+5511987654321", "x"));

        assertThat(failed.code()).isEqualTo("network");
        assertThat(failed.retryable()).isTrue();
    }

    @Test
    void givenAccountWithoutSidTokenOrNumberWhenSendingThenNotConfiguredAndNoRequestMade() {
        PhoneNumber number = new PhoneNumber("+551140045678");
        List<SenderAccount> incomplete = List.of(
                new SenderAccount(
                        Provider.TWILIO,
                        Optional.empty(),
                        Optional.of(number),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(new Secret(TOKEN))),
                new SenderAccount(
                        Provider.TWILIO,
                        Optional.empty(),
                        Optional.of(number),
                        Optional.empty(),
                        Optional.of(SID),
                        Optional.empty()),
                new SenderAccount(
                        Provider.TWILIO,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(SID),
                        Optional.of(new Secret(TOKEN))));

        for (SenderAccount account : incomplete) {
            SendOutcome.Failed failed =
                    (SendOutcome.Failed) sender.send(new OutboundText(account, "+5511987654321", "x"));

            assertThat(failed.code()).isEqualTo("not_configured");
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.reauthRequired()).isFalse();
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void givenSendsWhenLoggingThenOneLinePerSendAndNeverTheAuthToken() {
        server.enqueue(json(201, CREATED));
        server.enqueue(json(400, "{\"code\":21211,\"message\":\"bad To\",\"status\":400}"));

        try (LogCapture logs = new LogCapture(TwilioSender.class)) {
            sender.send(new OutboundText(ACCOUNT, "+5511987654321", "x"));
            sender.send(new OutboundText(ACCOUNT, "+5511987654321", "x"));

            assertThat(logs.lines()).hasSize(2);
            assertThat(logs.lines().get(0)).contains("+551140045678", "accepted", "SM0123456789abcdef");
            assertThat(logs.lines().get(1)).contains("+551140045678", "failed", "21211");
            assertThat(logs.lines()).noneMatch(line -> line.contains(TOKEN));
        }
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).as("request reached the server").isNotNull();
        return request;
    }

    private static String basicAuth(RecordedRequest request) {
        String header = request.getHeaders().get("Authorization");
        assertThat(header).startsWith("Basic ");
        return new String(Base64.getDecoder().decode(header.substring("Basic ".length())), StandardCharsets.UTF_8);
    }

    private static Map<String, String> form(RecordedRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : request.getBody().utf8().split("&")) {
            String[] kv = pair.split("=", 2);
            fields.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
        }
        return fields;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse(code, Headers.of("Content-Type", "application/json"), body);
    }
}
