package com.vendin.whatsapp.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.vendin.whatsapp.app.support.Eventually;
import com.vendin.whatsapp.app.support.FakeGraph;
import com.vendin.whatsapp.app.support.FakeTenant;
import com.vendin.whatsapp.app.support.FakeTwilio;
import com.vendin.whatsapp.app.support.HttpResult;
import com.vendin.whatsapp.app.support.MetaPayloads;
import com.vendin.whatsapp.app.support.TestGateway;
import com.vendin.whatsapp.app.support.TestPostgres;
import com.vendin.whatsapp.app.support.TwilioPayloads;
import com.vendin.whatsapp.persistence.db.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Customers who write with a WhatsApp username and no phone (CONTRACT §2.4), end to end over real HTTP, on
 * SQLite and on PostgreSQL: signed Meta and Twilio webhooks in the shapes of docs/PROVIDERS.md §1.3 and §2.1,
 * MockWebServer stores, Graph and Twilio.
 */
@ParameterizedClass
@ValueSource(strings = {"sqlite", "postgresql"})
class UsernameCustomersTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String MODA_PHONE_ID = "100000000000001";
    private static final String MODA_DISPLAY = "5511999911111";
    private static final String TWILIO_STORE = "+551140045678";
    private static final long T0 = 1_795_000_000L;

    @Parameter
    String database;

    @TempDir
    Path dir;

    private FakeGraph graph;
    private FakeTwilio twilio;
    private FakeTenant moda;
    private FakeTenant pizza;
    private TestGateway gateway;

    @BeforeEach
    void start() throws Exception {
        graph = new FakeGraph().start();
        twilio = new FakeTwilio().start();
        moda = new FakeTenant().start();
        pizza = new FakeTenant().start();
        Map<String, String> env = TestGateway.environment(dir, graph.baseUrl(), twilio.baseUrl());
        if (database.equals("postgresql")) {
            env.put("GATEWAY_DATABASE_URL", TestPostgres.freshDatabaseUrl());
            env.put("GATEWAY_SECRET_KEY", Base64.getEncoder().encodeToString(new byte[32]));
        }
        gateway = TestGateway.start(env);
        create("{\"id\":\"moda-brasil\",\"subdomain\":\"moda-brasil\",\"instanceUrl\":\"" + moda.url() + "\","
                + "\"whatsapp\":{\"phoneNumber\":\"+5511999911111\",\"phoneId\":\"" + MODA_PHONE_ID + "\","
                + "\"provider\":\"facebook\",\"accessToken\":\"moda-token\"}}");
        create("{\"id\":\"pizza-sp\",\"subdomain\":\"pizza-sp\",\"instanceUrl\":\"" + pizza.url() + "\","
                + "\"whatsapp\":{\"phoneNumber\":\"" + TWILIO_STORE + "\",\"provider\":\"twilio\"}}");
    }

    @AfterEach
    void stop() {
        gateway.close();
        moda.close();
        pizza.close();
        twilio.close();
        graph.close();
    }

    @Test
    void aUsernameOnlyMetaMessageReachesItsStoreAndTheReplyLeavesInRecipientNeverInTo() {
        String body = MetaPayloads.webhook()
                .userText(MODA_PHONE_ID, MODA_DISPLAY, null, "US.1234", "kfisher", "wamid.U1", "Hello World", T0)
                .json();

        assertThat(gateway.postMetaWebhook(body).code()).isEqualTo(200);

        Eventually.within(WAIT, "the store is called", () -> moda.calls().size() == 1);
        JsonNode forwarded = moda.calls().get(0).body();
        assertThat(forwarded.path("from").asText("absent")).isEmpty();
        assertThat(forwarded.path("threadId").asText()).isEqualTo("user:US.1234");
        assertThat(forwarded.path("userId").asText()).isEqualTo("US.1234");
        assertThat(forwarded.path("username").asText()).isEqualTo("kfisher");
        assertThat(forwarded.path("role").asText()).isEqualTo("customer");
        Eventually.within(WAIT, "the reply is sent", () -> graph.sends().size() == 1);
        FakeGraph.Send send = graph.sends().get(0);
        assertThat(send.body().path("recipient").asText()).isEqualTo("US.1234");
        assertThat(send.body().has("to")).isFalse();
        assertThat(send.text()).isEqualTo("Re: Hello World");

        // a status naming the part by recipient_user_id moves it forward
        assertThat(gateway.postMetaWebhook(MetaPayloads.webhook()
                                .userStatus(MODA_PHONE_ID, MODA_DISPLAY, send.wamid(), "delivered", "US.1234")
                                .json())
                        .code())
                .isEqualTo(200);
        Eventually.within(
                WAIT,
                "the part is delivered",
                () -> outbound("moda-brasil").stream()
                        .anyMatch(m -> m.path("state").asText().equals("delivered")));
        JsonNode inbound = inbound("moda-brasil").get(0);
        assertThat(inbound.path("userId").asText()).isEqualTo("US.1234");
        assertThat(inbound.path("username").asText()).isEqualTo("kfisher");
        assertThat(inbound.path("threadId").asText()).isEqualTo("user:US.1234");
    }

    @Test
    void aPersonWhoWroteWithPhoneAndBsuidThenBsuidOnlyStaysInOneThreadInOrder() {
        for (int i = 1; i <= 4; i++) {
            String phone = i == 1 ? "5511988887777" : null;
            String body = MetaPayloads.webhook()
                    .userText(MODA_PHONE_ID, MODA_DISPLAY, phone, "BR.1001", null, "wamid.P" + i, "msg " + i, T0 + i)
                    .json();
            assertThat(gateway.postMetaWebhook(body).code()).isEqualTo(200);
        }

        Eventually.within(
                WAIT, "the store is called four times", () -> moda.accepted().size() == 4);
        assertThat(moda.accepted())
                .extracting(FakeTenant.Call::messageId)
                .containsExactly("wamid.P1", "wamid.P2", "wamid.P3", "wamid.P4");
        assertThat(moda.accepted())
                .extracting(c -> c.body().path("threadId").asText())
                .containsOnly("+5511988887777");
        assertThat(moda.accepted())
                .extracting(c -> c.body().path("userId").asText())
                .containsOnly("BR.1001");
        JsonNode later = moda.accepted().get(3).body();
        assertThat(later.path("from").asText()).isEqualTo("+5511988887777");
        Eventually.within(WAIT, "four replies are sent", () -> graph.sends().size() == 4);
        assertThat(graph.sends().get(0).to()).isEqualTo("5511988887777");
        assertThat(graph.sends().get(3).body().path("recipient").asText()).isEqualTo("BR.1001");
        assertThat(graph.sends().get(3).body().has("to")).isFalse();
    }

    @Test
    void aUserChangedUserIdSystemMessageMovesThePersonAndTheNewIdContinuesTheOldThread() {
        gateway.postMetaWebhook(MetaPayloads.webhook()
                .userText(MODA_PHONE_ID, MODA_DISPLAY, null, "US.1234", "kfisher", "wamid.K1", "first", T0)
                .json());
        Eventually.within(
                WAIT, "the first message arrives", () -> moda.accepted().size() == 1);
        String system = "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"" + MODA_DISPLAY
                + "\",\"phone_number_id\":\"" + MODA_PHONE_ID + "\"},\"messages\":[{\"from_user_id\":\"US.1234\","
                + "\"id\":\"wamid.SYS1\",\"timestamp\":\"" + (T0 + 1) + "\",\"type\":\"system\",\"system\":{\"body\":"
                + "\"User Kerry Fisher changed from US.1234 to US.5678\",\"type\":\"user_changed_user_id\","
                + "\"user_id\":\"US.5678\",\"previous_user_id\":\"US.1234\"}}]}";

        assertThat(gateway.postMetaWebhook(MetaPayloads.webhook()
                                .rawChange("messages", system)
                                .json())
                        .code())
                .isEqualTo(200);
        gateway.postMetaWebhook(MetaPayloads.webhook()
                .userText(MODA_PHONE_ID, MODA_DISPLAY, null, "US.5678", "kfisher", "wamid.K2", "second", T0 + 2)
                .json());

        Eventually.within(
                WAIT, "the second message arrives", () -> moda.accepted().size() == 2);
        assertThat(moda.accepted().get(1).body().path("threadId").asText()).isEqualTo("user:US.1234");
        assertThat(moda.accepted().get(1).body().path("userId").asText()).isEqualTo("US.5678");
        assertThat(moda.calls()).extracting(FakeTenant.Call::messageId).doesNotContain("wamid.SYS1");
        Eventually.within(WAIT, "both replies are sent", () -> graph.sends().size() == 2);
        assertThat(graph.sends().get(1).body().path("recipient").asText()).isEqualTo("US.5678");
    }

    @Test
    void aPayloadMixingPhoneUsersUsernameUsersAndAnItemWithoutIdentityHandlesEachOnItsOwn() {
        String value = "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"" + MODA_DISPLAY
                + "\",\"phone_number_id\":\"" + MODA_PHONE_ID + "\"},\"contacts\":[{\"profile\":{\"name\":\"Ana\"},"
                + "\"wa_id\":\"5511988887777\"},{\"profile\":{\"name\":\"Kerry Fisher\",\"username\":\"kfisher\"},"
                + "\"user_id\":\"US.1234\"}],\"messages\":["
                + "{\"from\":\"5511988887777\",\"id\":\"wamid.M1\",\"timestamp\":\"" + T0 + "\",\"type\":\"text\","
                + "\"text\":{\"body\":\"phone\"}},"
                + "{\"from_user_id\":\"US.1234\",\"id\":\"wamid.M2\",\"timestamp\":\"" + T0 + "\",\"type\":\"text\","
                + "\"text\":{\"body\":\"username\"}},"
                + "{\"id\":\"wamid.M3\",\"timestamp\":\"" + T0
                + "\",\"type\":\"text\",\"text\":{\"body\":\"nobody\"}}]}";

        HttpResult ack = gateway.postMetaWebhook(
                MetaPayloads.webhook().rawChange("messages", value).json());

        assertThat(ack.code()).isEqualTo(200);
        Eventually.within(
                WAIT, "both senders reach the store", () -> moda.accepted().size() == 2);
        assertThat(moda.accepted())
                .extracting(c -> c.body().path("threadId").asText())
                .containsExactlyInAnyOrder("+5511988887777", "user:US.1234");
        List<JsonNode> unroutable =
                items(gateway.admin("GET", "/api/v1/unroutable", null).json());
        assertThat(unroutable)
                .extracting(u -> u.path("providerMessageId").asText())
                .containsExactly("wamid.M3");
        assertThat(unroutable.get(0).path("reason").asText()).isEqualTo("invalid_sender");
        assertThat(gateway.postMetaWebhook(MetaPayloads.webhook()
                                .rawChange("messages", value)
                                .json())
                        .code())
                .isEqualTo(200);
        assertThat(items(gateway.admin("GET", "/api/v1/unroutable", null).json()))
                .hasSize(1);
    }

    @Test
    void aUsernameOnlyTwilioMessageReachesItsStoreAndTheReplyGoesToTheBsuidWithoutAPlus() {
        TwilioPayloads message = TwilioPayloads.message(
                        "SMe287d7109a5a925f182f0e07fe5b223b",
                        "+5511900000000",
                        TWILIO_STORE,
                        TwilioPayloads.MAIN_ACCOUNT_SID)
                .put("From", "whatsapp:US.1234")
                .put("ExternalUserId", "whatsapp:US.1234")
                .put("MessageType", "text")
                .put("Body", "Hello World");

        HttpResult ack = gateway.postTwilioWebhook(message, TestGateway.TWILIO_MAIN_TOKEN);

        assertThat(ack.code()).as(ack.body()).isEqualTo(200);
        Eventually.within(WAIT, "the store is called", () -> pizza.calls().size() == 1);
        JsonNode forwarded = pizza.calls().get(0).body();
        assertThat(forwarded.path("threadId").asText()).isEqualTo("user:US.1234");
        assertThat(forwarded.path("userId").asText()).isEqualTo("US.1234");
        assertThat(forwarded.path("from").asText("absent")).isEmpty();
        Eventually.within(WAIT, "the reply is sent", () -> twilio.sends().size() == 1);
        assertThat(twilio.sends().get(0).to()).isEqualTo("whatsapp:US.1234");
        assertThat(twilio.sends().get(0).from()).isEqualTo("whatsapp:" + TWILIO_STORE);
    }

    @Test
    void standbyChangesAreAcknowledgedAndRecordedButNeverForwardedOrAnswered() {
        String value = "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"" + MODA_DISPLAY
                + "\",\"phone_number_id\":\"" + MODA_PHONE_ID + "\"},\"contacts\":[{\"profile\":{\"name\":\"Ana\"},"
                + "\"wa_id\":\"5511988887777\",\"user_id\":\"BR.1001\"}],\"messages\":[{\"from\":\"5511988887777\","
                + "\"id\":\"wamid.SB1\",\"timestamp\":\"" + T0
                + "\",\"type\":\"text\",\"text\":{\"body\":\"Tem M?\"}}]}";
        String payload = MetaPayloads.webhook().rawChange("standby", value).json();

        assertThat(gateway.postMetaWebhook(payload).code()).isEqualTo(200);
        assertThat(gateway.postMetaWebhook(payload).code()).isEqualTo(200);
        gateway.postMetaWebhook(MetaPayloads.webhook()
                .text(MODA_PHONE_ID, MODA_DISPLAY, "5511977776666", "wamid.after", "depois")
                .json());

        Eventually.within(
                WAIT, "the ordinary message arrives", () -> moda.calls().size() == 1);
        assertThat(moda.calls().get(0).messageId()).isEqualTo("wamid.after");
        Database db = gateway.instance(Database.class);
        List<String> recorded =
                db.inRead(h -> h.createQuery("SELECT item_key || '|' || kind || '|' || text " + "FROM standby_items")
                        .mapTo(String.class)
                        .list());
        assertThat(recorded).containsExactly("wamid.SB1|message|Tem M?");
        assertThat(inbound("moda-brasil"))
                .extracting(m -> m.path("providerMessageId").asText())
                .containsExactly("wamid.after");
    }

    @Test
    void aVerificationCodeCannotBeAskedForABsuid() {
        HttpResult asked = gateway.admin(
                "POST",
                "/api/v1/tenants/moda-brasil/admin-phones/verifications",
                "{\"phone\":\"US.1234\",\"userId\":\"owner-1\"}");

        assertThat(asked.code()).isEqualTo(400);
        assertThat(asked.errorCode()).isEqualTo("invalid_phone_number");
        assertThat(graph.sends()).isEmpty();
    }

    @Test
    void aNulCharacterInAUsernameOrATextIsRecordedNotA500() {
        // JSON allows an escaped NUL in a string; PostgreSQL's text columns do not, and a failed insert made the whole
        // batch a
        // 500 that Meta redelivers for days (siblings included)
        String body = MetaPayloads.webhook()
                .userText(MODA_PHONE_ID, MODA_DISPLAY, null, "US.1234", "k\u0000fisher", "wamid.N1", "Hi", T0)
                .userText(MODA_PHONE_ID, MODA_DISPLAY, "5511988887777", null, null, "wamid.N2", "a\u0000b", T0 + 1)
                .json();

        assertThat(gateway.postMetaWebhook(body).code()).isEqualTo(200);

        Eventually.within(
                WAIT, "both messages reach the store", () -> moda.calls().size() == 2);
        assertThat(moda.calls())
                .extracting(call -> call.body().path("threadId").asText())
                .containsExactlyInAnyOrder("user:US.1234", "+5511988887777");
        JsonNode username = inbound("moda-brasil").stream()
                .filter(m -> m.path("userId").asText().equals("US.1234"))
                .findFirst()
                .orElseThrow()
                .path("username");
        assertThat(username.asText()).startsWith("k").endsWith("fisher").doesNotContain(String.valueOf((char) 0));
    }

    @Test
    void theDeadLettersOfAUsernameCustomerNameThemByUserIdAndAFailedRichPartByItsType() {
        // the store refuses the first message (a 4xx: dead at once) and answers the second with buttons Meta refuses
        moda.answerStatus(call -> call.path("messageId").asText().equals("wamid.D1") ? 400 : 200)
                .answerJson(call -> "{\"messages\":[{\"type\":\"buttons\",\"text\":\"Qual tamanho?\","
                        + "\"buttons\":[{\"id\":\"p\",\"title\":\"P\"}]}]}");
        graph.failNext(400, 131026);
        String body = MetaPayloads.webhook()
                .userText(MODA_PHONE_ID, MODA_DISPLAY, null, "US.1234", "kfisher", "wamid.D1", "um", T0)
                .userText(MODA_PHONE_ID, MODA_DISPLAY, null, "US.5678", null, "wamid.D2", "dois", T0 + 1)
                .json();

        assertThat(gateway.postMetaWebhook(body).code()).isEqualTo(200);

        Eventually.within(
                WAIT, "a dead message and a failed part", () -> deadLetters().size() == 2);
        JsonNode delivery = deadLetters().stream()
                .filter(d -> d.path("kind").asText().equals("delivery"))
                .findFirst()
                .orElseThrow();
        assertThat(delivery.path("from").asText("absent")).isEmpty();
        assertThat(delivery.path("threadId").asText()).isEqualTo("user:US.1234");
        assertThat(delivery.path("userId").asText()).isEqualTo("US.1234");
        JsonNode send = deadLetters().stream()
                .filter(d -> d.path("kind").asText().equals("send"))
                .findFirst()
                .orElseThrow();
        assertThat(send.path("to").asText()).isEqualTo("US.5678");
        assertThat(send.path("userId").asText()).isEqualTo("US.5678");
        assertThat(send.path("type").asText()).isEqualTo("buttons");
    }

    private List<JsonNode> deadLetters() {
        return items(gateway.admin("GET", "/api/v1/dead-letters", null).json());
    }

    private void create(String json) {
        HttpResult created = gateway.admin("POST", "/api/v1/tenants", json);
        assertThat(created.code()).as(created.body()).isEqualTo(201);
    }

    private List<JsonNode> inbound(String tenantId) {
        return messages(tenantId).stream()
                .filter(m -> m.path("direction").asText().equals("inbound"))
                .toList();
    }

    private List<JsonNode> outbound(String tenantId) {
        return messages(tenantId).stream()
                .filter(m -> m.path("direction").asText().equals("outbound"))
                .toList();
    }

    private List<JsonNode> messages(String tenantId) {
        return items(gateway.admin("GET", "/api/v1/tenants/" + tenantId + "/messages", null)
                .json());
    }

    private static List<JsonNode> items(JsonNode list) {
        return StreamSupport.stream(list.path("items").spliterator(), false).toList();
    }
}
