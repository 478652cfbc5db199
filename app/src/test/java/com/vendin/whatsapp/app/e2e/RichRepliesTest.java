package com.vendin.whatsapp.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vendin.whatsapp.app.support.AdminCalls;
import com.vendin.whatsapp.app.support.Eventually;
import com.vendin.whatsapp.app.support.FakeGraph;
import com.vendin.whatsapp.app.support.FakeMediaHost;
import com.vendin.whatsapp.app.support.FakeTenant;
import com.vendin.whatsapp.app.support.FakeTwilio;
import com.vendin.whatsapp.app.support.MetaPayloads;
import com.vendin.whatsapp.app.support.TestGateway;
import com.vendin.whatsapp.app.support.TwilioPayloads;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rich replies (CONTRACT §3.1) end to end: a MockWebServer tenant answers {@code {"messages":[...]}} to a signed
 * webhook; the fake Graph API receives the media upload and the sends in order, the fake Twilio the matching forms;
 * invalid answers end as dead letters with their reason.
 */
class RichRepliesTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PHONE_ID = "100000000000001";
    private static final String DISPLAY = "5511999911111";
    private static final String CUSTOMER = "5511988887777";
    private static final String TWILIO_STORE = "+551140049999";
    private static final String TWILIO_CUSTOMER = "+5511987654321";
    private static final byte[] PNG = "\u0089PNG\r\n\u001a\nfake-shirt-pixels".getBytes(StandardCharsets.ISO_8859_1);

    @TempDir
    Path dir;

    private FakeGraph graph;
    private FakeTwilio twilio;
    private FakeTenant tenant;
    private FakeMediaHost media;
    private TestGateway gateway;
    private final AtomicReference<String> answer = new AtomicReference<>("{}");

    @BeforeEach
    void start() throws Exception {
        graph = new FakeGraph().start();
        twilio = new FakeTwilio().start();
        media = new FakeMediaHost().start();
        tenant = new FakeTenant().start().answerJson(body -> answer.get());
        gateway = TestGateway.start(TestGateway.environment(dir, graph.baseUrl(), twilio.baseUrl()));
        AdminCalls.createMetaTenant(gateway, "moda-brasil", tenant.url(), "+5511999911111", PHONE_ID, "moda-token");
        TwilioMessagePathTest.createTenant(gateway, "loja-twilio", tenant, TWILIO_STORE, "");
    }

    @AfterEach
    void stop() {
        gateway.close();
        tenant.close();
        media.close();
        twilio.close();
        graph.close();
    }

    private String textImageAndButtons() {
        String image = media.serve("/catalogo/shirt.png", "image/png", PNG);
        return "{\"messages\":["
                + "{\"type\":\"text\",\"text\":\"**Camiseta azul** disponível! Veja [o catálogo](https://loja.example/c)\"},"
                + "{\"type\":\"image\",\"url\":\"" + image + "\",\"caption\":\"# Azul\\nR$ 59\"},"
                + "{\"type\":\"buttons\",\"text\":\"Quer **comprar**?\",\"buttons\":["
                + "{\"id\":\"buy\",\"title\":\"Comprar\"},{\"id\":\"later\",\"title\":\"Agora não\"}]}]}";
    }

    @Test
    void givenTextImageAndButtonsWhenTheTenantAnswersThenGraphGetsOneUploadAndThreeSendsInOrder() throws Exception {
        answer.set(textImageAndButtons());

        gateway.postMetaWebhook(MetaPayloads.webhook()
                .text(PHONE_ID, DISPLAY, CUSTOMER, "wamid.R1", "tem azul?")
                .json());

        Eventually.within(WAIT, "three parts are sent", () -> graph.sends().size() == 3);
        assertThat(graph.uploads()).singleElement().satisfies(upload -> {
            assertThat(upload.path()).isEqualTo("/v25.0/" + PHONE_ID + "/media");
            assertThat(upload.authorization()).isEqualTo("Bearer moda-token");
            assertThat(upload.contentType()).startsWith("multipart/form-data; boundary=");
            assertThat(upload.body())
                    .contains("name=\"messaging_product\"\r\n\r\nwhatsapp\r\n")
                    .contains("name=\"type\"\r\n\r\nimage/png\r\n")
                    .contains("name=\"file\"; filename=\"shirt.png\"\r\nContent-Type: image/png")
                    .contains("Content-Type: image/png\r\n\r\n" + new String(PNG, StandardCharsets.ISO_8859_1)
                            + "\r\n--");
        });
        List<FakeGraph.Send> sends = graph.sends();
        assertThat(sends).allSatisfy(send -> {
            assertThat(send.path()).isEqualTo("/v25.0/" + PHONE_ID + "/messages");
            assertThat(send.authorization()).isEqualTo("Bearer moda-token");
            assertThat(send.callbackData()).startsWith("wg-part-");
        });
        assertThat(withoutCorrelation(sends.get(0).body()))
                .isEqualTo(
                        JSON.readTree(
                                "{\"messaging_product\":\"whatsapp\","
                                        + "\"recipient_type\":\"individual\",\"to\":\"" + CUSTOMER
                                        + "\",\"type\":\"text\",\"text\":{\"body\":"
                                        + "\"*Camiseta azul* disponível! Veja o catálogo (https://loja.example/c)\",\"preview_url\":false}}"));
        assertThat(withoutCorrelation(sends.get(1).body()))
                .isEqualTo(JSON.readTree("{\"messaging_product\":\"whatsapp\","
                        + "\"recipient_type\":\"individual\",\"to\":\"" + CUSTOMER
                        + "\",\"type\":\"image\",\"image\":{\"id\":\""
                        + graph.uploads().get(0).mediaId() + "\",\"caption\":\"Azul\\nR$ 59\"}}"));
        assertThat(withoutCorrelation(sends.get(2).body()))
                .isEqualTo(JSON.readTree("{\"messaging_product\":\"whatsapp\","
                        + "\"recipient_type\":\"individual\",\"to\":\"" + CUSTOMER
                        + "\",\"type\":\"interactive\",\"interactive\":"
                        + "{\"type\":\"button\",\"body\":{\"text\":\"Quer *comprar*?\"},\"action\":{\"buttons\":["
                        + "{\"type\":\"reply\",\"reply\":{\"id\":\"buy\",\"title\":\"Comprar\"}},"
                        + "{\"type\":\"reply\",\"reply\":{\"id\":\"later\",\"title\":\"Agora não\"}}]}}}"));
        Eventually.within(
                WAIT,
                "the message is replied",
                () -> AdminCalls.inboundState(gateway, "moda-brasil", "wamid.R1")
                        .equals("replied"));
        assertThat(AdminCalls.messages(gateway, "moda-brasil").stream()
                        .filter(m -> m.path("direction").asText().equals("outbound"))
                        .map(m -> m.path("type").asText()))
                .containsExactlyInAnyOrder("text", "image", "buttons");
        assertThat(graph.uploads())
                .as("an accepted media part is never uploaded or sent again")
                .hasSize(1);
    }

    @Test
    void givenTheSameReplyOnTwilioWhenTheTenantAnswersThenTwilioGetsTheMatchingFormsInOrder() {
        answer.set(textImageAndButtons());
        TwilioPayloads message = TwilioPayloads.message(
                        "SM00000000000000000000000000000071",
                        TWILIO_CUSTOMER,
                        TWILIO_STORE,
                        TwilioPayloads.MAIN_ACCOUNT_SID)
                .put("MessageType", "text")
                .put("Body", "tem azul?");

        gateway.postTwilioWebhook(message, TestGateway.TWILIO_MAIN_TOKEN);

        Eventually.within(WAIT, "three parts are sent", () -> twilio.sends().size() == 3);
        List<FakeTwilio.Send> sends = twilio.sends();
        assertThat(sends).allSatisfy(send -> {
            assertThat(send.path())
                    .isEqualTo("/2010-04-01/Accounts/" + TwilioPayloads.MAIN_ACCOUNT_SID + "/Messages.json");
            assertThat(send.from()).isEqualTo("whatsapp:" + TWILIO_STORE);
            assertThat(send.to()).isEqualTo("whatsapp:" + TWILIO_CUSTOMER);
        });
        assertThat(sends.get(0).form())
                .containsOnlyKeys("From", "To", "Body")
                .containsEntry("Body", "*Camiseta azul* disponível! Veja o catálogo (https://loja.example/c)");
        assertThat(sends.get(1).form())
                .containsOnlyKeys("From", "To", "Body", "MediaUrl")
                .containsEntry("MediaUrl", media.url("/catalogo/shirt.png"))
                .containsEntry("Body", "Azul\nR$ 59");
        assertThat(sends.get(2).form())
                .containsOnlyKeys("From", "To", "Body")
                .containsEntry("Body", "Quer *comprar*?\n\n1. Comprar\n2. Agora não");
        assertThat(graph.uploads()).as("Twilio fetches the media itself").isEmpty();
        assertThat(media.fetches())
                .as("the gateway checked the URL once before queuing")
                .hasSize(1);
    }

    @Test
    void givenElevenMessagesWhenTheTenantAnswersThenTheDeliveryIsDeadWithTheReasonAndNothingIsSent() {
        answer.set("{\"messages\":[" + "{\"type\":\"text\",\"text\":\"oi\"},".repeat(10)
                + "{\"type\":\"text\",\"text\":\"onze\"}]}");

        String lastError = deadAfter("wamid.R11");

        assertThat(lastError).isEqualTo("invalid_reply: at most 10 messages in one reply, got 11");
    }

    @Test
    void givenAFourthButtonWhenTheTenantAnswersThenTheDeliveryIsDeadWithTheReason() {
        answer.set("{\"messages\":[{\"type\":\"text\",\"text\":\"antes\"},{\"type\":\"buttons\",\"text\":\"Escolha\","
                + "\"buttons\":[{\"id\":\"a\",\"title\":\"A\"},{\"id\":\"b\",\"title\":\"B\"},{\"id\":\"c\",\"title\":\"C\"},"
                + "{\"id\":\"d\",\"title\":\"D\"}]}]}");

        String lastError = deadAfter("wamid.R4");

        assertThat(lastError).isEqualTo("invalid_reply: message 2 (buttons): 1 to 3 buttons, got 4");
    }

    @Test
    void givenAMediaUrlAnswering404WhenTheTenantAnswersThenTheDeliveryIsDeadWithTheReason() {
        answer.set("{\"messages\":[{\"type\":\"text\",\"text\":\"veja\"},{\"type\":\"image\",\"url\":\""
                + media.url("/gone.png") + "\"}]}");

        String lastError = deadAfter("wamid.R404");

        assertThat(lastError).isEqualTo("invalid_reply: message 2 (image): the media URL answered HTTP 404");
    }

    @Test
    void givenMediaOfAWrongTypeOrTooLargeWhenTheTenantAnswersThenTheDeliveryIsDeadWithTheReason() {
        String page =
                media.serve("/page.png", "text/html; charset=utf-8", "<html></html>".getBytes(StandardCharsets.UTF_8));
        answer.set("{\"messages\":[{\"type\":\"image\",\"url\":\"" + page + "\"}]}");
        assertThat(deadAfter("wamid.RT"))
                .startsWith("invalid_reply: message 1 (image): content type text/html is not "
                        + "accepted for image on facebook");

        String huge = media.serve("/huge.webp", "image/webp", new byte[600 * 1024]);
        answer.set("{\"messages\":[{\"type\":\"sticker\",\"url\":\"" + huge + "\"}]}");
        assertThat(deadAfter("wamid.RS"))
                .isEqualTo("invalid_reply: message 1 (sticker): the sticker is larger than "
                        + "500 KB (facebook's limit): 614400 bytes");
    }

    @Test
    void givenATwilioTemplateOnMetaOrAnUnknownTypeWhenTheTenantAnswersThenTheDeliveryIsDeadWithTheReason() {
        answer.set("{\"messages\":[{\"type\":\"template\",\"contentSid\":\"HX0123456789abcdef0123456789abcdef\"}]}");
        assertThat(deadAfter("wamid.RW"))
                .isEqualTo("invalid_reply: message 1 (template): a Twilio content template "
                        + "(contentSid) cannot go through Meta; use name and language");

        answer.set("{\"messages\":[{\"type\":\"poll\",\"text\":\"?\"}]}");
        assertThat(deadAfter("wamid.RU")).startsWith("invalid_reply: message 1 (poll): unknown type poll");
    }

    /** Posts a customer message, waits until it is dead, checks nothing was sent, and returns its dead letter's error. */
    private String deadAfter(String wamid) {
        gateway.postMetaWebhook(MetaPayloads.webhook()
                .text(PHONE_ID, DISPLAY, CUSTOMER, wamid, "oi")
                .json());
        Eventually.within(
                WAIT,
                "the message is dead",
                () -> AdminCalls.inboundState(gateway, "moda-brasil", wamid).equals("dead"));
        assertThat(graph.sends()).as("an invalid reply sends none of its parts").isEmpty();
        JsonNode dead = AdminCalls.items(gateway.admin("GET", "/api/v1/dead-letters", null)).stream()
                .filter(d -> d.path("providerMessageId").asText().equals(wamid))
                .findFirst()
                .orElseThrow();
        assertThat(dead.path("attempts").asInt())
                .as("an invalid reply is not retried")
                .isEqualTo(1);
        return dead.path("lastError").asText();
    }

    private static JsonNode withoutCorrelation(JsonNode body) {
        JsonNode copy = body.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove("biz_opaque_callback_data");
        return copy;
    }
}
