package com.vendin.whatsapp.whatsapp.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.delivery.OutboundContent;
import com.vendin.whatsapp.ports.delivery.OutboundMessage;
import com.vendin.whatsapp.ports.delivery.OutboundText;
import com.vendin.whatsapp.ports.delivery.SendOutcome;
import com.vendin.whatsapp.ports.delivery.SenderAccount;
import com.vendin.whatsapp.whatsapp.LogCapture;
import com.vendin.whatsapp.whatsapp.http.HttpClients;
import java.time.Duration;
import java.util.List;
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

class GraphApiSenderTest {
    private static final String TOKEN = "EAAG-secret-token";
    private static final SenderAccount ACCOUNT = SenderAccount.meta("520000000000002", new Secret(TOKEN));
    private static final OutboundText MESSAGE =
            new OutboundText(ACCOUNT, "5511988887777", "Olá, \"sim\" temos!\nAzul.");

    private final OkHttpClient client = HttpClients.standard();
    private final MockWebServer server = new MockWebServer();
    private GraphApiSender sender;

    @BeforeEach
    void start() throws Exception {
        server.start();
        sender = new GraphApiSender(client, server.url("/v25.0").toString());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void givenAcceptedSendWhenSendingThenPostsTheContractRequestAndReturnsTheWamid() throws Exception {
        server.enqueue(json(
                200,
                "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"5511988887777\","
                        + "\"wa_id\":\"5511988887777\"}],\"messages\":[{\"id\":\"wamid.HBgM123\"}]}"));

        SendOutcome outcome = sender.send(MESSAGE);

        assertThat(outcome).isEqualTo(new SendOutcome.Accepted("wamid.HBgM123"));
        RecordedRequest request = take();
        assertThat(request.getRequestLine()).isEqualTo("POST /v25.0/520000000000002/messages HTTP/1.1");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
        JsonNode body = new ObjectMapper().readTree(request.getBody().utf8());
        assertThat(body.size()).isEqualTo(5);
        assertThat(body.path("messaging_product").asText()).isEqualTo("whatsapp");
        assertThat(body.path("recipient_type").asText()).isEqualTo("individual");
        assertThat(body.path("to").asText()).isEqualTo("5511988887777");
        assertThat(body.path("type").asText()).isEqualTo("text");
        assertThat(body.path("text").size()).isEqualTo(2);
        assertThat(body.path("text").path("body").asText()).isEqualTo("Olá, \"sim\" temos!\nAzul.");
        assertThat(body.path("text").path("preview_url").isBoolean()).isTrue();
        assertThat(body.path("text").path("preview_url").asBoolean()).isFalse();
    }

    @Test
    void givenCorrelationIdWhenSendingThenItIsTheBizOpaqueCallbackDataMetaEchoesInStatuses() throws Exception {
        server.enqueue(json(200, "{\"messages\":[{\"id\":\"wamid.A\"}]}"));

        sender.send(new OutboundText(ACCOUNT, "5511988887777", "oi", Optional.of("wg-part-17")));

        JsonNode body = new ObjectMapper().readTree(take().getBody().utf8());
        assertThat(body.path("biz_opaque_callback_data").asText()).isEqualTo("wg-part-17");
        assertThat(body.path("text").path("body").asText()).isEqualTo("oi");
    }

    @Test
    void givenAMetaTemplateWhenSendingThenTheBodyIsTheReferenceTemplateSendWithItsComponentsAsGiven() throws Exception {
        // Meta docs, "Send message templates": the template object, with the components the tenant gave
        String components = "[{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"482913\"}]},"
                + "{\"type\":\"button\",\"sub_type\":\"url\",\"index\":\"0\",\"parameters\":[{\"type\":\"text\","
                + "\"text\":\"482913\"}]}]";
        server.enqueue(json(200, "{\"messages\":[{\"id\":\"wamid.T\"}]}"));

        SendOutcome outcome = sender.send(new OutboundMessage(
                ACCOUNT,
                "+34600111222",
                new OutboundContent.MetaTemplate("verification_code", "es", Optional.of(components)),
                Optional.empty(),
                Optional.empty()));

        assertThat(outcome).isEqualTo(new SendOutcome.Accepted("wamid.T"));
        ObjectMapper mapper = new ObjectMapper();
        assertThat(mapper.readTree(take().getBody().utf8()))
                .isEqualTo(mapper.readTree(
                        "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"+34600111222\","
                                + "\"type\":\"template\",\"template\":{\"name\":\"verification_code\",\"language\":{\"code\":\"es\"},"
                                + "\"components\":" + components + "}}"));
    }

    @Test
    void givenATemplateForABsuidWithoutComponentsWhenSendingThenItGoesInRecipientWithNoComponents() throws Exception {
        server.enqueue(json(200, "{\"messages\":[{\"id\":\"wamid.T\"}]}"));

        sender.send(new OutboundMessage(
                ACCOUNT,
                "US.13491208655302741918",
                new OutboundContent.MetaTemplate("hello_world", "en_US", Optional.empty()),
                Optional.empty(),
                Optional.of("wg-part-3")));

        JsonNode body = new ObjectMapper().readTree(take().getBody().utf8());
        assertThat(body.path("recipient").asText()).isEqualTo("US.13491208655302741918");
        assertThat(body.has("to")).isFalse();
        assertThat(body.path("template").has("components")).isFalse();
        assertThat(body.path("template").path("language").path("code").asText()).isEqualTo("en_US");
        assertThat(body.path("biz_opaque_callback_data").asText()).isEqualTo("wg-part-3");
    }

    @Test
    void givenATwilioTemplateWhenSendingThroughMetaThenFailedTerminallyAndNothingPosted() {
        SendOutcome outcome = sender.send(new OutboundMessage(
                ACCOUNT,
                "5511988887777",
                new OutboundContent.TwilioTemplate("HX0123456789abcdef0123456789abcdef", Optional.empty()),
                Optional.empty(),
                Optional.empty()));

        assertThat(outcome).isInstanceOf(SendOutcome.Failed.class);
        assertThat(((SendOutcome.Failed) outcome).retryable()).isFalse();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void givenBaseUrlWithTrailingSlashWhenSendingThenPathHasNoDoubleSlash() throws Exception {
        sender = new GraphApiSender(client, server.url("/v25.0/").toString());
        server.enqueue(json(200, "{\"messages\":[{\"id\":\"wamid.A\"}]}"));

        sender.send(MESSAGE);

        assertThat(take().getTarget()).isEqualTo("/v25.0/520000000000002/messages");
    }

    @Test
    void givenRecipientWithPlusWhenSendingThenToIsSentAsGiven() throws Exception {
        server.enqueue(json(200, "{\"messages\":[{\"id\":\"wamid.A\"}]}"));

        sender.send(new OutboundText(ACCOUNT, "+34600111222", "hola"));

        assertThat(new ObjectMapper()
                        .readTree(take().getBody().utf8())
                        .path("to")
                        .asText())
                .isEqualTo("+34600111222");
    }

    @Test
    void givenReengagementError131047WhenSendingThenFailedTerminallyWithTheCode() {
        server.enqueue(json(
                400,
                graphError(
                        131047,
                        "Re-engagement message",
                        "More than 24 hours have passed since the recipient last replied to the sender number.")));

        SendOutcome outcome = sender.send(MESSAGE);

        assertThat(outcome)
                .isEqualTo(new SendOutcome.Failed(
                        "131047",
                        "Re-engagement message: More than 24 hours "
                                + "have passed since the recipient last replied to the sender number.",
                        false,
                        false));
    }

    @Test
    void givenThroughputError130429WhenSendingThenFailedRetryable() {
        server.enqueue(json(400, graphError(130429, "(#130429) Rate limit hit", "Cloud API message throughput")));

        SendOutcome.Failed failed = (SendOutcome.Failed) sender.send(MESSAGE);

        assertThat(failed.code()).isEqualTo("130429");
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.reauthRequired()).isFalse();
    }

    @Test
    void givenEachRetryableMetaCodeWhenSendingThenFailedRetryable() {
        for (int code : List.of(131000, 131016, 131056, 1, 2, 131057)) {
            server.enqueue(json(400, graphError(code, "transient", "try later")));

            SendOutcome.Failed failed = (SendOutcome.Failed) sender.send(MESSAGE);

            assertThat(failed.code()).isEqualTo(String.valueOf(code));
            assertThat(failed.retryable()).as("code %s", code).isTrue();
        }
    }

    @Test
    void givenExpiredToken190WhenSendingThenFailedNotRetryableAndReauthRequired() {
        server.enqueue(json(
                401,
                "{\"error\":{\"message\":\"Error validating access token: Session has expired\","
                        + "\"type\":\"OAuthException\",\"code\":190,\"error_subcode\":463,\"fbtrace_id\":\"Ax1\"}}"));

        SendOutcome.Failed failed = (SendOutcome.Failed) sender.send(MESSAGE);

        assertThat(failed.code()).isEqualTo("190");
        assertThat(failed.detail()).isEqualTo("Error validating access token: Session has expired");
        assertThat(failed.retryable()).isFalse();
        assertThat(failed.reauthRequired()).isTrue();
    }

    @Test
    void givenHttp500WithHtmlBodyWhenSendingThenFailedRetryableWithHttpCode() {
        server.enqueue(new MockResponse(500, Headers.of("Content-Type", "text/html"), "<html>Oops</html>"));

        SendOutcome.Failed failed = (SendOutcome.Failed) sender.send(MESSAGE);

        assertThat(failed.code()).isEqualTo("http_500");
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.reauthRequired()).isFalse();
    }

    @Test
    void givenHttp429WithoutErrorCodeWhenSendingThenFailedRetryable() {
        server.enqueue(new MockResponse(429, Headers.of(), ""));

        SendOutcome.Failed failed = (SendOutcome.Failed) sender.send(MESSAGE);

        assertThat(failed.code()).isEqualTo("http_429");
        assertThat(failed.retryable()).isTrue();
    }

    @Test
    void givenHttp404WithoutErrorCodeWhenSendingThenFailedTerminal() {
        server.enqueue(new MockResponse(404, Headers.of(), "not here"));

        SendOutcome.Failed failed = (SendOutcome.Failed) sender.send(MESSAGE);

        assertThat(failed.code()).isEqualTo("http_404");
        assertThat(failed.retryable()).isFalse();
    }

    @Test
    void givenSuccessWithoutMessageIdWhenSendingThenFailedTerminalSoTheMessageIsNotSentTwice() {
        server.enqueue(json(200, "{\"messages\":[]}"));

        SendOutcome.Failed failed = (SendOutcome.Failed) sender.send(MESSAGE);

        assertThat(failed.code()).isEqualTo("invalid_response");
        assertThat(failed.retryable()).isFalse();
    }

    @Test
    void givenServerDownWhenSendingThenFailedRetryableNetwork() {
        server.close();

        SendOutcome.Failed failed = (SendOutcome.Failed) sender.send(MESSAGE);

        assertThat(failed.code()).isEqualTo("network");
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.reauthRequired()).isFalse();
    }

    @Test
    void givenServerSlowerThanTheReadTimeoutWhenSendingThenFailedRetryableNetwork() {
        OkHttpClient impatient =
                client.newBuilder().readTimeout(Duration.ofMillis(200)).build();
        sender = new GraphApiSender(impatient, server.url("/v25.0").toString());
        server.enqueue(json(200, "{\"messages\":[{\"id\":\"wamid.late\"}]}")
                .newBuilder()
                .headersDelay(5, TimeUnit.SECONDS)
                .build());

        SendOutcome.Failed failed = (SendOutcome.Failed) sender.send(MESSAGE);

        assertThat(failed.code()).isEqualTo("network");
        assertThat(failed.retryable()).isTrue();
    }

    @Test
    void givenAccountWithoutPhoneIdOrTokenWhenSendingThenNotConfiguredAndNoRequestMade() {
        SenderAccount noToken = new SenderAccount(
                Provider.FACEBOOK,
                Optional.of("520000000000002"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        SenderAccount noPhoneId = new SenderAccount(
                Provider.FACEBOOK,
                Optional.empty(),
                Optional.empty(),
                Optional.of(new Secret(TOKEN)),
                Optional.empty(),
                Optional.empty());

        for (SenderAccount account : List.of(noToken, noPhoneId)) {
            SendOutcome outcome = sender.send(new OutboundText(account, "5511988887777", "hi"));

            assertThat(outcome)
                    .isEqualTo(new SendOutcome.Failed(
                            "not_configured", "the sending number has no Meta phone id or access token", false, false));
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void givenSendsWhenLoggingThenOneLinePerSendWithIdOrCodeAndNeverTheToken() {
        server.enqueue(json(200, "{\"messages\":[{\"id\":\"wamid.LOG\"}]}"));
        server.enqueue(json(400, graphError(131047, "Re-engagement message", "window closed")));

        try (LogCapture logs = new LogCapture(GraphApiSender.class)) {
            sender.send(MESSAGE);
            sender.send(MESSAGE);

            assertThat(logs.lines()).hasSize(2);
            assertThat(logs.lines().get(0)).contains("520000000000002", "accepted", "wamid.LOG");
            assertThat(logs.lines().get(1)).contains("520000000000002", "failed", "131047");
            assertThat(logs.lines()).noneMatch(line -> line.contains(TOKEN));
        }
    }

    @Test
    void givenBaseUrlThatIsNotHttpWhenConstructingThenRejectedNamingTheVariable() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new GraphApiSender(client, "graph.facebook.com"))
                .withMessageContaining("FACEBOOK_GRAPH_URL");
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).as("request reached the server").isNotNull();
        return request;
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse(code, Headers.of("Content-Type", "application/json"), body);
    }

    private static String graphError(int code, String message, String details) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code
                + ",\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"" + details + "\"},"
                + "\"fbtrace_id\":\"AbC\"}}";
    }
}
