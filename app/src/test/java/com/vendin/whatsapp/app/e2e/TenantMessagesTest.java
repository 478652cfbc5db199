package com.vendin.whatsapp.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.vendin.whatsapp.app.support.AdminCalls;
import com.vendin.whatsapp.app.support.Eventually;
import com.vendin.whatsapp.app.support.FakeGraph;
import com.vendin.whatsapp.app.support.FakeMediaHost;
import com.vendin.whatsapp.app.support.FakeTenant;
import com.vendin.whatsapp.app.support.FakeTwilio;
import com.vendin.whatsapp.app.support.HttpResult;
import com.vendin.whatsapp.app.support.MetaPayloads;
import com.vendin.whatsapp.app.support.TestGateway;
import com.vendin.whatsapp.app.support.TestPostgres;
import com.vendin.whatsapp.app.support.TwilioPayloads;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tenant-initiated messages (CONTRACT §3.2) end to end over real HTTP, on SQLite and on PostgreSQL: a store
 * (or an operator) posts to {@code /api/v1/tenants/{id}/messages}, and MockWebServer Graph and Twilio APIs see
 * what is sent; customers write through signed Meta webhooks (their provider timestamps place them in or out of
 * the 24-hour window).
 */
@ParameterizedClass
@ValueSource(strings = {"sqlite", "postgresql"})
class TenantMessagesTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final MediaType JSON = MediaType.get("application/json");
    private static final String MODA = "moda-brasil";
    private static final String MODA_PHONE_ID = "100000000000001";
    private static final String MODA_DISPLAY = "5511999911111";
    private static final String PIZZA = "pizza-sp";
    private static final String TWILIO_STORE = "+551140045678";
    private static final String ANA = "5511988887777";
    private static final String CONTENT_SID = "HX0123456789abcdef0123456789abcdef";

    @Parameter
    String database;

    @TempDir
    Path dir;

    private FakeGraph graph;
    private FakeTwilio twilio;
    private FakeTenant store;
    private TestGateway gateway;
    private String modaSecret;
    private String pizzaSecret;

    @BeforeEach
    void start() throws Exception {
        graph = new FakeGraph().start();
        twilio = new FakeTwilio().start();
        store = new FakeTenant().start().replyWith(body -> null); // the store answers nothing: only its sends go out
        Map<String, String> env = TestGateway.environment(dir, graph.baseUrl(), twilio.baseUrl());
        if (database.equals("postgresql")) {
            env.put("GATEWAY_DATABASE_URL", TestPostgres.freshDatabaseUrl());
            env.put("GATEWAY_SECRET_KEY", Base64.getEncoder().encodeToString(new byte[32]));
        }
        gateway = TestGateway.start(env);
        modaSecret = create("{\"id\":\"" + MODA + "\",\"subdomain\":\"moda\",\"instanceUrl\":\"" + store.url() + "\","
                + "\"whatsapp\":{\"phoneNumber\":\"+" + MODA_DISPLAY + "\",\"phoneId\":\"" + MODA_PHONE_ID + "\","
                + "\"provider\":\"facebook\",\"accessToken\":\"moda-token\"}}");
        pizzaSecret = create("{\"id\":\"" + PIZZA + "\",\"subdomain\":\"pizza\",\"instanceUrl\":\"" + store.url()
                + "\"," + "\"whatsapp\":{\"phoneNumber\":\"" + TWILIO_STORE + "\",\"provider\":\"twilio\"}}");
        create("{\"id\":\"sem-numero\",\"subdomain\":\"sem-numero\",\"instanceUrl\":\"" + store.url() + "\"}");
    }

    @AfterEach
    void stop() {
        gateway.close();
        store.close();
        twilio.close();
        graph.close();
    }

    @Test
    void givenACustomerWhoWroteAnHourAgoWhenTheOperatorSendsTextWithTheAdminTokenThenItIsQueuedAndGraphReceivesIt() {
        customerWrites(ANA, "wamid.A1", Instant.now().minusSeconds(3600));

        HttpResult sent = admin(
                MODA,
                "{\"to\":\"+" + ANA + "\",\"messages\":[{\"type\":\"text\",\"text\":\"Seu pedido saiu\"},"
                        + "{\"type\":\"text\",\"text\":\"Chega amanhã\"}]}");

        assertThat(sent.code()).as(sent.body()).isEqualTo(202);
        assertThat(sent.json().path("id").asText()).startsWith("snd_");
        assertThat(sent.json().path("parts")).hasSize(2);
        assertThat(sent.json().path("parts").get(0).path("id").asText()).startsWith("out-");
        assertThat(sent.json().path("parts").get(0).path("state").asText()).isEqualTo("pending");
        Eventually.within(WAIT, "both parts are sent", () -> graph.sends().size() == 2);
        FakeGraph.Send first = graph.sends().get(0);
        assertThat(first.phoneId()).isEqualTo(MODA_PHONE_ID);
        assertThat(first.authorization()).isEqualTo("Bearer moda-token");
        assertThat(first.to()).isEqualTo(ANA);
        assertThat(first.body().path("type").asText()).isEqualTo("text");
        assertThat(graph.sends()).extracting(FakeGraph.Send::text).containsExactly("Seu pedido saiu", "Chega amanhã");
        String partId = sent.json().path("parts").get(0).path("id").asText();
        Eventually.within(
                WAIT,
                "the part is listed as sent in the customer's thread",
                () -> outbound(MODA).stream()
                        .anyMatch(m -> m.path("id").asText().equals(partId)
                                && m.path("state").asText().equals("sent")));
        JsonNode listed = outbound(MODA).stream()
                .filter(m -> m.path("id").asText().equals(partId))
                .findFirst()
                .orElseThrow();
        assertThat(listed.path("threadId").asText()).isEqualTo("+" + ANA);
        assertThat(listed.path("text").asText()).isEqualTo("Seu pedido saiu");
        assertThat(listed.path("from").asText()).isEqualTo("+" + MODA_DISPLAY);
        assertThat(AdminCalls.inboundState(gateway, MODA, "wamid.A1"))
                .as("an inbound message is not touched")
                .isEqualTo("forwarded");
    }

    @Test
    void givenAnImageAndButtonsWhenTheStoreSendsThemThenGraphGetsTheUploadAndTwoSendsInOrder() throws Exception {
        byte[] png = "\u0089PNG\r\n\u001a\nfake-order-photo".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        try (FakeMediaHost media = new FakeMediaHost().start()) {
            String image = media.serve("/pedido.png", "image/png", png);
            customerWrites(ANA, "wamid.R1", Instant.now().minusSeconds(600));

            HttpResult sent = admin(
                    MODA,
                    "{\"to\":\"+" + ANA + "\",\"replyTo\":\"wamid.R1\",\"messages\":["
                            + "{\"type\":\"image\",\"url\":\"" + image + "\",\"caption\":\"Seu **pedido**\"},"
                            + "{\"type\":\"buttons\",\"text\":\"Confirma?\",\"buttons\":[{\"id\":\"sim\",\"title\":\"Sim\"},"
                            + "{\"id\":\"nao\",\"title\":\"Não\"}]}]}");

            assertThat(sent.code()).as(sent.body()).isEqualTo(202);
            assertThat(sent.json().path("parts")).hasSize(2);
            Eventually.within(WAIT, "both parts are sent", () -> graph.sends().size() == 2);
            assertThat(graph.uploads())
                    .singleElement()
                    .satisfies(upload -> assertThat(upload.authorization()).isEqualTo("Bearer moda-token"));
            FakeGraph.Send photo = graph.sends().get(0);
            assertThat(photo.body().path("type").asText()).isEqualTo("image");
            assertThat(photo.body().path("image").path("id").asText())
                    .isEqualTo(graph.uploads().get(0).mediaId());
            assertThat(photo.body().path("image").path("caption").asText()).isEqualTo("Seu *pedido*");
            FakeGraph.Send buttons = graph.sends().get(1);
            assertThat(buttons.body().path("type").asText()).isEqualTo("interactive");
            assertThat(buttons.body().path("interactive").path("action").path("buttons"))
                    .hasSize(2);
            assertThat(outbound(MODA)).extracting(m -> m.path("type").asText()).contains("image", "buttons");
        }
    }

    @Test
    void givenTheTenantsOwnSignatureWhenItSendsThenOnlyAValidCurrentSignatureOfThatTenantIsAccepted() {
        customerWrites(ANA, "wamid.S1", Instant.now().minusSeconds(60));
        String body = "{\"to\":\"+" + ANA + "\",\"messages\":[{\"type\":\"text\",\"text\":\"Assinado\"}]}";
        long now = Instant.now().getEpochSecond();

        assertThat(signed(MODA, body, now, sign(modaSecret, now, body)).code()).isEqualTo(202);
        assertThat(signed(MODA, body, now, sign(modaSecret, now, body + " ")).errorCode())
                .as("a signature over another body")
                .isEqualTo("invalid_signature");
        assertThat(signed(MODA, body, now - 301, sign(modaSecret, now - 301, body))
                        .code())
                .as("stale")
                .isEqualTo(401);
        assertThat(signed(MODA, body, now + 310, sign(modaSecret, now + 310, body))
                        .code())
                .as("future")
                .isEqualTo(401);
        assertThat(signed(MODA, body, now, sign(pizzaSecret, now, body)).code())
                .as("another tenant's secret")
                .isEqualTo(401);
        assertThat(signed(MODA, body, now, "v1=").code()).isEqualTo(401);
        assertThat(signed(MODA, body, now, sign(modaSecret, now, body).substring(3))
                        .code())
                .as("without v1=")
                .isEqualTo(401);
        assertThat(TestGateway.execute(new Request.Builder()
                                .url(gateway.baseUrl() + "/api/v1/tenants/" + MODA + "/messages")
                                .post(RequestBody.create(body, JSON))
                                .build())
                        .code())
                .as("no credentials")
                .isEqualTo(401);
        assertThat(signed("nobody", body, now, sign(modaSecret, now, body)).code())
                .isEqualTo(401);

        Eventually.within(WAIT, "the signed send goes out", () -> graph.sends().size() == 1);
        assertThat(graph.sends().get(0).text()).isEqualTo("Assinado");
    }

    @Test
    void givenTheSameIdempotencyKeyTwiceWhenSentThenTheSecondGetsTheFirstAnswerAndNothingIsSentAgain()
            throws Exception {
        customerWrites(ANA, "wamid.I1", Instant.now().minusSeconds(60));
        String body = "{\"to\":\"+" + ANA + "\",\"idempotencyKey\":\"order-42-shipped\",\"messages\":"
                + "[{\"type\":\"text\",\"text\":\"Enviado\"}]}";

        HttpResult first = admin(MODA, body);
        Eventually.within(WAIT, "the first is sent", () -> graph.sends().size() == 1);
        long now = Instant.now().getEpochSecond();
        HttpResult again = signed(MODA, body, now, sign(modaSecret, now, body));
        HttpResult otherKey = admin(MODA, body.replace("order-42-shipped", "order-43-shipped"));

        assertThat(first.code()).isEqualTo(202);
        assertThat(again.code()).isEqualTo(202);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(otherKey.json().path("id")).isNotEqualTo(first.json().path("id"));
        Eventually.within(
                WAIT, "the other key's send goes out", () -> graph.sends().size() == 2);
        Thread.sleep(500);
        assertThat(graph.sends()).hasSize(2);
        assertThat(admin(
                                PIZZA,
                                "{\"to\":\"+" + ANA + "\",\"idempotencyKey\":\"order-42-shipped\",\"messages\":"
                                        + "[{\"type\":\"template\",\"contentSid\":\"" + CONTENT_SID + "\"}]}")
                        .json()
                        .path("id"))
                .as("keys are per tenant")
                .isNotEqualTo(first.json().path("id"));
    }

    @Test
    void givenACustomerSilentFor25HoursWhenTheTenantSendsTextThenItIs409AndATemplateStillGoesOut() {
        customerWrites(ANA, "wamid.OLD", Instant.now().minus(Duration.ofHours(25)));
        Eventually.within(
                WAIT, "the old message is recorded", () -> store.calls().size() == 1);

        HttpResult text = admin(MODA, "{\"to\":\"+" + ANA + "\",\"messages\":[{\"type\":\"text\",\"text\":\"Oi\"}]}");
        HttpResult mixed = admin(
                MODA,
                "{\"to\":\"+" + ANA + "\",\"messages\":[{\"type\":\"template\","
                        + "\"name\":\"order_update\",\"language\":\"pt_BR\"},{\"type\":\"text\",\"text\":\"Oi\"}]}");
        HttpResult never =
                admin(MODA, "{\"to\":\"+5511977776666\",\"messages\":[{\"type\":\"text\",\"text\":\"Oi\"}]}");
        HttpResult template = admin(
                MODA,
                "{\"to\":\"+" + ANA + "\",\"messages\":[{\"type\":\"template\","
                        + "\"name\":\"order_update\",\"language\":\"pt_BR\",\"components\":[{\"type\":\"body\",\"parameters\":"
                        + "[{\"type\":\"text\",\"text\":\"Ana\"},{\"type\":\"text\",\"text\":\"#42\"}]}]}]}");

        assertThat(text.code()).isEqualTo(409);
        assertThat(text.errorCode()).isEqualTo("outside_service_window");
        assertThat(mixed.errorCode()).isEqualTo("outside_service_window");
        assertThat(never.errorCode()).as("a number that never wrote").isEqualTo("outside_service_window");
        assertThat(template.code()).as(template.body()).isEqualTo(202);
        Eventually.within(WAIT, "the template is sent", () -> graph.sends().size() == 1);
        JsonNode sent = graph.sends().get(0).body();
        assertThat(sent.path("messaging_product").asText()).isEqualTo("whatsapp");
        assertThat(sent.path("to").asText()).isEqualTo(ANA);
        assertThat(sent.path("type").asText()).isEqualTo("template");
        assertThat(sent.has("text")).isFalse();
        assertThat(sent.path("template").path("name").asText()).isEqualTo("order_update");
        assertThat(sent.path("template").path("language").path("code").asText()).isEqualTo("pt_BR");
        assertThat(sent.path("template").path("components").toString())
                .isEqualTo("[{\"type\":\"body\",\"parameters\":"
                        + "[{\"type\":\"text\",\"text\":\"Ana\"},{\"type\":\"text\",\"text\":\"#42\"}]}]");
        assertThat(sent.path("biz_opaque_callback_data").asText()).startsWith("wg-part-");
        Eventually.within(
                WAIT,
                "the template part is listed",
                () -> outbound(MODA).stream()
                        .anyMatch(m -> m.path("type").asText().equals("template")
                                && m.path("state").asText().equals("sent")));
    }

    @Test
    void givenAUsernameCustomerWhenTheTenantSendsToTheirBsuidThenGraphGetsItInRecipientAndNeverInTo() {
        gateway.postMetaWebhook(MetaPayloads.webhook()
                .userText(
                        MODA_PHONE_ID,
                        MODA_DISPLAY,
                        null,
                        "US.1234",
                        "kfisher",
                        "wamid.U1",
                        "Hello",
                        Instant.now().getEpochSecond() - 30)
                .json());
        Eventually.within(WAIT, "the message is recorded", () -> store.calls().size() == 1);

        HttpResult sent = admin(MODA, "{\"to\":\"US.1234\",\"messages\":[{\"type\":\"text\",\"text\":\"Hi Kerry\"}]}");

        assertThat(sent.code()).as(sent.body()).isEqualTo(202);
        Eventually.within(WAIT, "it is sent", () -> graph.sends().size() == 1);
        assertThat(graph.sends().get(0).body().path("recipient").asText()).isEqualTo("US.1234");
        assertThat(graph.sends().get(0).body().has("to")).isFalse();
        Eventually.within(
                WAIT,
                "it is listed in the person's thread",
                () -> outbound(MODA).stream()
                        .anyMatch(m -> m.path("threadId").asText().equals("user:US.1234")));
    }

    @Test
    void givenAPersonFirstSeenByBsuidThenWithTheirPhoneWhenSentToThePhoneThenTheWindowOfTheirThreadApplies() {
        long now = Instant.now().getEpochSecond();
        gateway.postMetaWebhook(MetaPayloads.webhook()
                .userText(MODA_PHONE_ID, MODA_DISPLAY, null, "BR.77", null, "wamid.B1", "first", now - 60)
                .json());
        gateway.postMetaWebhook(MetaPayloads.webhook()
                .userText(MODA_PHONE_ID, MODA_DISPLAY, "5511966665555", "BR.77", null, "wamid.B2", "second", now - 50)
                .json());
        Eventually.within(WAIT, "both are recorded", () -> store.calls().size() == 2);

        HttpResult sent = admin(MODA, "{\"to\":\"+5511966665555\",\"messages\":[{\"type\":\"text\",\"text\":\"Oi\"}]}");

        assertThat(sent.code()).as(sent.body()).isEqualTo(202);
        Eventually.within(WAIT, "it is sent to the phone", () -> graph.sends().size() == 1);
        assertThat(graph.sends().get(0).to()).isEqualTo("5511966665555");
        Eventually.within(
                WAIT,
                "it is listed in the person's thread",
                () -> outbound(MODA).stream()
                        .anyMatch(m -> m.path("threadId").asText().equals("user:BR.77")));
    }

    @Test
    void givenATwilioStoreWhenItSendsAContentTemplateThenTwilioGetsContentSidAndVariablesInPlaceOfBody() {
        HttpResult sent = admin(
                PIZZA,
                "{\"to\":\"+5511977773333\",\"messages\":[{\"type\":\"template\"," + "\"contentSid\":\"" + CONTENT_SID
                        + "\",\"contentVariables\":{\"1\":\"Ana\",\"2\":\"#42\"}}]}");
        HttpResult metaTemplate = admin(
                PIZZA,
                "{\"to\":\"+5511977773333\",\"messages\":[{\"type\":\"template\","
                        + "\"name\":\"order_update\",\"language\":\"pt_BR\"}]}");

        assertThat(sent.code()).as(sent.body()).isEqualTo(202);
        assertThat(metaTemplate.errorCode()).isEqualTo("invalid_message");
        Eventually.within(WAIT, "the template is sent", () -> twilio.sends().size() == 1);
        FakeTwilio.Send send = twilio.sends().get(0);
        assertThat(send.from()).isEqualTo("whatsapp:" + TWILIO_STORE);
        assertThat(send.to()).isEqualTo("whatsapp:+5511977773333");
        assertThat(send.form().get("ContentSid")).isEqualTo(CONTENT_SID);
        assertThat(send.form().get("ContentVariables")).isEqualTo("{\"1\":\"Ana\",\"2\":\"#42\"}");
        assertThat(send.form()).doesNotContainKey("Body");
        assertThat(graph.sends()).isEmpty();
    }

    @Test
    void givenATwilioCustomerWhoJustWroteWhenTheStoreSendsTextThenItLeavesAsBodyFromTheStoreNumber() {
        HttpResult ack = gateway.postTwilioWebhook(
                TwilioPayloads.message(
                                "SM" + "a".repeat(32), "+5511977773333", TWILIO_STORE, TwilioPayloads.MAIN_ACCOUNT_SID)
                        .put("Body", "Oi pizza"),
                TestGateway.TWILIO_MAIN_TOKEN);
        assertThat(ack.code()).isEqualTo(200);
        Eventually.within(WAIT, "the message is recorded", () -> store.calls().size() == 1);

        HttpResult sent =
                admin(PIZZA, "{\"to\":\"+5511977773333\",\"messages\":[{\"type\":\"text\",\"text\":\"Saiu!\"}]}");
        HttpResult stranger =
                admin(PIZZA, "{\"to\":\"+5511977770000\",\"messages\":[{\"type\":\"text\",\"text\":\"x\"}]}");

        assertThat(sent.code()).as(sent.body()).isEqualTo(202);
        assertThat(stranger.errorCode()).isEqualTo("outside_service_window");
        Eventually.within(WAIT, "it is sent", () -> twilio.sends().size() == 1);
        assertThat(twilio.sends().get(0).to()).isEqualTo("whatsapp:+5511977773333");
        assertThat(twilio.sends().get(0).from()).isEqualTo("whatsapp:" + TWILIO_STORE);
        assertThat(twilio.sends().get(0).body()).isEqualTo("Saiu!");
    }

    @Test
    void givenReplyToAnInboundMessageWhenSentThenThePartIsListedAsItsReplyAndAnUnknownOneIs404() {
        customerWrites(ANA, "wamid.R1", Instant.now().minusSeconds(30));
        Eventually.within(WAIT, "the message is recorded", () -> store.calls().size() == 1);

        HttpResult sent = admin(
                MODA,
                "{\"to\":\"+" + ANA + "\",\"replyTo\":\"wamid.R1\",\"messages\":"
                        + "[{\"type\":\"text\",\"text\":\"Demorei, mas aqui está\"}]}");
        HttpResult unknown = admin(
                MODA,
                "{\"to\":\"+" + ANA + "\",\"replyTo\":\"wamid.NOPE\",\"messages\":"
                        + "[{\"type\":\"text\",\"text\":\"x\"}]}");
        HttpResult otherTenants = admin(
                PIZZA,
                "{\"to\":\"+" + ANA + "\",\"replyTo\":\"wamid.R1\",\"messages\":"
                        + "[{\"type\":\"template\",\"contentSid\":\"" + CONTENT_SID + "\"}]}");

        assertThat(sent.code()).as(sent.body()).isEqualTo(202);
        assertThat(unknown.code()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("reply_to_not_found");
        assertThat(otherTenants.errorCode()).isEqualTo("reply_to_not_found");
        String inboundId = AdminCalls.messages(gateway, MODA).stream()
                .filter(m -> m.path("providerMessageId").asText().equals("wamid.R1"))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asText();
        String partId = sent.json().path("parts").get(0).path("id").asText();
        assertThat(outbound(MODA).stream()
                        .filter(m -> m.path("id").asText().equals(partId))
                        .findFirst()
                        .orElseThrow()
                        .path("inReplyTo")
                        .asText())
                .isEqualTo(inboundId);
        Eventually.within(WAIT, "it is sent", () -> graph.sends().size() == 1);
    }

    @Test
    void givenInvalidRequestsWhenSentThenEachIsAClear4xxAndNothingIsSent() throws Exception {
        customerWrites(ANA, "wamid.V1", Instant.now().minusSeconds(30));
        String to = "\"to\":\"+" + ANA + "\",";
        Map<String, String> invalid = Map.ofEntries(
                Map.entry("not json", "invalid_json"),
                Map.entry("[1]", "invalid_request"),
                Map.entry("{" + to + "\"messages\":[{\"type\":\"text\",\"text\":\"x\"}],\"extra\":1}", "unknown_field"),
                Map.entry("{\"messages\":[{\"type\":\"text\",\"text\":\"x\"}]}", "invalid_request"),
                Map.entry("{\"to\":\"abc\",\"messages\":[{\"type\":\"text\",\"text\":\"x\"}]}", "invalid_recipient"),
                Map.entry("{\"to\":42,\"messages\":[{\"type\":\"text\",\"text\":\"x\"}]}", "invalid_request"),
                Map.entry("{" + to + "\"messages\":[]}", "invalid_message"),
                Map.entry("{" + to + "\"messages\":{\"type\":\"text\"}}", "invalid_message"),
                Map.entry(
                        "{" + to + "\"messages\":[" + "{\"type\":\"text\",\"text\":\"x\"},".repeat(10)
                                + "{\"type\":\"text\",\"text\":\"x\"}]}",
                        "invalid_message"),
                Map.entry("{" + to + "\"messages\":[{\"type\":\"text\",\"text\":\"\"}]}", "invalid_message"),
                Map.entry(
                        "{" + to + "\"messages\":[{\"type\":\"text\",\"text\":\"x\",\"url\":\"y\"}]}",
                        "invalid_message"),
                Map.entry("{" + to + "\"messages\":[\"hello\"]}", "invalid_message"),
                Map.entry(
                        "{" + to + "\"messages\":[{\"type\":\"image\",\"url\":\"http://127.0.0.1:9/y.png\"}]}",
                        "invalid_message"),
                Map.entry(
                        "{" + to + "\"messages\":[{\"type\":\"buttons\",\"text\":\"x\",\"buttons\":["
                                + "{\"id\":\"a\",\"title\":\"A\"},{\"id\":\"b\",\"title\":\"B\"},"
                                + "{\"id\":\"c\",\"title\":\"C\"},{\"id\":\"d\",\"title\":\"D\"}]}]}",
                        "invalid_message"),
                Map.entry("{" + to + "\"messages\":[{\"type\":\"poll\"}]}", "invalid_message"),
                Map.entry(
                        "{" + to + "\"messages\":[{\"type\":\"template\",\"language\":\"pt_BR\"}]}", "invalid_message"),
                Map.entry(
                        "{" + to
                                + "\"messages\":[{\"type\":\"template\",\"name\":\"Bad Name\",\"language\":\"pt_BR\"}]}",
                        "invalid_message"),
                Map.entry(
                        "{" + to + "\"messages\":[{\"type\":\"template\",\"name\":\"a\",\"language\":\"pt_BR\","
                                + "\"components\":{}}]}",
                        "invalid_message"),
                Map.entry(
                        "{" + to + "\"messages\":[{\"type\":\"template\",\"contentSid\":\"" + CONTENT_SID + "\"}]}",
                        "invalid_message"),
                Map.entry(
                        "{" + to + "\"idempotencyKey\":\"\",\"messages\":[{\"type\":\"text\",\"text\":\"x\"}]}",
                        "invalid_request"));
        for (Map.Entry<String, String> request : invalid.entrySet()) {
            HttpResult answer = admin(MODA, request.getKey());
            assertThat(answer.code())
                    .as(request.getKey() + " → " + answer.body())
                    .isEqualTo(400);
            assertThat(answer.errorCode()).as(request.getKey()).isEqualTo(request.getValue());
        }
        HttpResult twilioBadVariables = admin(
                PIZZA,
                "{\"to\":\"+" + ANA + "\",\"messages\":[{\"type\":\"template\"," + "\"contentSid\":\"" + CONTENT_SID
                        + "\",\"contentVariables\":[1]}]}");
        assertThat(twilioBadVariables.errorCode()).isEqualTo("invalid_message");
        String ok = "{" + to + "\"messages\":[{\"type\":\"text\",\"text\":\"x\"}]}";
        assertThat(admin("nobody", ok).errorCode()).isEqualTo("tenant_not_found");
        HttpResult noNumber = admin("sem-numero", ok);
        assertThat(noNumber.code()).isEqualTo(409);
        assertThat(noNumber.errorCode()).isEqualTo("tenant_has_no_number");
        Thread.sleep(300);
        assertThat(graph.sends()).isEmpty();
        assertThat(twilio.sends()).isEmpty();
    }

    private void customerWrites(String phone, String wamid, Instant at) {
        HttpResult ack = gateway.postMetaWebhook(MetaPayloads.webhook()
                .text(MODA_PHONE_ID, MODA_DISPLAY, phone, wamid, "Olá", at.getEpochSecond())
                .json());
        assertThat(ack.code()).isEqualTo(200);
    }

    private String create(String json) {
        HttpResult created = gateway.admin("POST", "/api/v1/tenants", json);
        assertThat(created.code()).as(created.body()).isEqualTo(201);
        return created.json().path("instanceSecret").asText();
    }

    private HttpResult admin(String tenant, String body) {
        return gateway.admin("POST", "/api/v1/tenants/" + tenant + "/messages", body);
    }

    private HttpResult signed(String tenant, String body, long timestamp, String signature) {
        return TestGateway.execute(new Request.Builder()
                .url(gateway.baseUrl() + "/api/v1/tenants/" + tenant + "/messages")
                .post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8), JSON))
                .header("X-Vendin-Timestamp", Long.toString(timestamp))
                .header("X-Vendin-Signature", signature)
                .build());
    }

    /** The §3 scheme, as a tenant instance computes it. */
    static String sign(String secret, long timestamp, String body) {
        byte[] mac = MetaPayloads.hmac(
                "HmacSHA256",
                secret.getBytes(StandardCharsets.UTF_8),
                (timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
        return "v1=" + HexFormat.of().formatHex(mac);
    }

    private List<JsonNode> outbound(String tenant) {
        return AdminCalls.messages(gateway, tenant).stream()
                .filter(m -> m.path("direction").asText().equals("outbound"))
                .toList();
    }
}
