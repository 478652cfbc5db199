package com.vendin.whatsapp.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.vendin.whatsapp.app.support.Eventually;
import com.vendin.whatsapp.app.support.FakeGraph;
import com.vendin.whatsapp.app.support.FakeTenant;
import com.vendin.whatsapp.app.support.FakeTwilio;
import com.vendin.whatsapp.app.support.HttpResult;
import com.vendin.whatsapp.app.support.TestGateway;
import com.vendin.whatsapp.app.support.TwilioPayloads;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.AdminPhone;
import com.vendin.whatsapp.ports.tenant.AdminPhoneRepository;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Twilio path end to end: signed form webhooks over HTTP, MockWebServer tenants and Twilio REST API. */
class TwilioMessagePathTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final String SUB_SID = "ACsub00000000000000000000000000001";
    static final String SUB_TOKEN = "subaccount-auth-token";
    static final String SUB_STORE = "+551140045678";
    static final String MAIN_STORE = "+551140049999";
    static final String CUSTOMER = "+5511987654321";
    private static final String TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

    @TempDir
    Path dir;

    private FakeGraph graph;
    private FakeTwilio twilio;
    private FakeTenant subStore;
    private FakeTenant mainStore;
    private TestGateway gateway;

    private void start(Map<String, String> extra) throws Exception {
        graph = new FakeGraph().start();
        twilio = new FakeTwilio().start();
        subStore = new FakeTenant().start();
        mainStore = new FakeTenant().start();
        Map<String, String> env = TestGateway.environment(dir, graph.baseUrl(), twilio.baseUrl());
        env.putAll(extra);
        env.entrySet().removeIf(e -> e.getValue().isEmpty());
        gateway = TestGateway.start(env);
        createTenant(
                gateway,
                "loja-sub",
                subStore,
                SUB_STORE,
                ",\"twilioAccountSid\":\"" + SUB_SID + "\",\"twilioAuthToken\":\"" + SUB_TOKEN + "\"");
        createTenant(gateway, "loja-main", mainStore, MAIN_STORE, "");
    }

    @AfterEach
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] {gateway, subStore, mainStore, twilio, graph}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aMessageToAStoreWithItsOwnSubaccountIsAcceptedOnlyWithThatTokenAndTheReplyLeavesThroughIt() throws Exception {
        start(Map.of());
        TwilioPayloads message = TwilioPayloads.message(
                        "SM00000000000000000000000000000001", CUSTOMER, SUB_STORE, SUB_SID)
                .put("MessageType", "text")
                .put("Body", "Olá, quero pedir 2 pizzas");

        HttpResult mainSigned = gateway.postTwilioWebhook(message, TestGateway.TWILIO_MAIN_TOKEN);
        HttpResult unsigned = gateway.postTwilioWebhookWithSignature(message, null);
        HttpResult subSigned = gateway.postTwilioWebhook(message, SUB_TOKEN);

        assertThat(mainSigned.code()).isEqualTo(401);
        assertThat(unsigned.code()).isEqualTo(401);
        assertThat(subSigned.code()).isEqualTo(200);
        assertThat(subSigned.contentType()).startsWith("text/xml");
        assertThat(subSigned.body()).isEqualTo(TWIML);
        Eventually.within(WAIT, "the store is called", () -> subStore.calls().size() == 1);
        JsonNode forwarded = subStore.calls().get(0).body();
        assertThat(forwarded.path("from").asText()).isEqualTo(CUSTOMER);
        assertThat(forwarded.path("threadId").asText()).isEqualTo(CUSTOMER);
        assertThat(forwarded.path("role").asText()).isEqualTo("customer");
        assertThat(forwarded.path("tenantId").asText()).isEqualTo("loja-sub");
        assertThat(forwarded.path("messageId").asText()).isEqualTo("SM00000000000000000000000000000001");
        assertThat(forwarded.path("type").asText()).isEqualTo("text");
        assertThat(forwarded.path("message").asText()).isEqualTo("Olá, quero pedir 2 pizzas");
        assertThat(forwarded.path("profileName").asText()).isEqualTo("Ana Luísa");

        Eventually.within(WAIT, "the reply is sent", () -> twilio.sends().size() == 1);
        FakeTwilio.Send send = twilio.sends().get(0);
        assertThat(send.path()).isEqualTo("/2010-04-01/Accounts/" + SUB_SID + "/Messages.json");
        assertThat(send.authorization())
                .isEqualTo("Basic "
                        + Base64.getEncoder()
                                .encodeToString((SUB_SID + ":" + SUB_TOKEN).getBytes(StandardCharsets.UTF_8)));
        assertThat(send.from()).isEqualTo("whatsapp:" + SUB_STORE);
        assertThat(send.to()).isEqualTo("whatsapp:" + CUSTOMER);
        assertThat(send.body()).isEqualTo("Re: Olá, quero pedir 2 pizzas");
        assertThat(send.form()).doesNotContainKey("StatusCallback");
        assertThat(mainStore.calls()).isEmpty();
    }

    @Test
    void aStoreOnTheMainAccountIsSignedWithTheMainTokenAndARedeliveryReachesTheTenantOnce() throws Exception {
        start(Map.of());
        TwilioPayloads message = TwilioPayloads.message(
                        "SM00000000000000000000000000000002", CUSTOMER, MAIN_STORE, TwilioPayloads.MAIN_ACCOUNT_SID)
                .put("MessageType", "text")
                .put("Body", "oi");

        assertThat(gateway.postTwilioWebhook(message, SUB_TOKEN).code()).isEqualTo(401);
        for (int i = 0; i < 3; i++) {
            assertThat(gateway.postTwilioWebhook(message, TestGateway.TWILIO_MAIN_TOKEN)
                            .code())
                    .isEqualTo(200);
        }

        Eventually.within(WAIT, "the reply is sent", () -> twilio.sends().size() == 1);
        assertThat(mainStore.calls()).hasSize(1);
        FakeTwilio.Send send = twilio.sends().get(0);
        assertThat(send.path()).isEqualTo("/2010-04-01/Accounts/" + TwilioPayloads.MAIN_ACCOUNT_SID + "/Messages.json");
        assertThat(send.from()).isEqualTo("whatsapp:" + MAIN_STORE);
    }

    @Test
    void behindAProxyARequestSignedForThePublicUrlIsAcceptedThoughItArrivedOverPlainHttp() throws Exception {
        start(Map.of("GATEWAY_PUBLIC_URL", "https://gw.example.com"));
        TwilioPayloads message = TwilioPayloads.message(
                        "SM00000000000000000000000000000003", CUSTOMER, SUB_STORE, SUB_SID)
                .put("MessageType", "text")
                .put("Body", "via proxy");
        String publicUrl = "https://gw.example.com/webhooks/whatsapp/twilio";

        HttpResult local = gateway.postTwilioWebhook(message, SUB_TOKEN);
        HttpResult withDefaultPort = gateway.postTwilioWebhookWithSignature(
                message, message.sign("https://gw.example.com:443/webhooks/whatsapp/twilio", SUB_TOKEN));
        HttpResult httpScheme = gateway.postTwilioWebhookWithSignature(
                message, message.sign("http://gw.example.com/webhooks/whatsapp/twilio", SUB_TOKEN));
        HttpResult proxied = gateway.postTwilioWebhookWithSignature(message, message.sign(publicUrl, SUB_TOKEN));

        assertThat(local.code()).isEqualTo(401);
        assertThat(httpScheme.code()).isEqualTo(401);
        assertThat(withDefaultPort.code()).isEqualTo(200);
        assertThat(proxied.code()).isEqualTo(200);
        Eventually.within(WAIT, "the store is called", () -> subStore.calls().size() == 1);
        assertThat(subStore.calls().get(0).body().path("message").asText()).isEqualTo("via proxy");
        Eventually.within(WAIT, "the reply is sent", () -> twilio.sends().size() == 1);
        assertThat(twilio.sends().get(0).form().get("StatusCallback"))
                .as("the public URL with the part's correlation id")
                .matches(java.util.regex.Pattern.quote(publicUrl + "?gatewayPart=wg-part-") + "[0-9]+");
    }

    @Test
    void withoutAMainTokenAStoreOnTheMainAccountIsRefusedWhateverTheSignature() throws Exception {
        start(Map.of("TWILIO_AUTH_TOKEN", "", "TWILIO_ACCOUNT_SID", ""));
        TwilioPayloads message = TwilioPayloads.message(
                        "SM00000000000000000000000000000004", CUSTOMER, MAIN_STORE, TwilioPayloads.MAIN_ACCOUNT_SID)
                .put("MessageType", "text")
                .put("Body", "oi");

        assertThat(gateway.postTwilioWebhook(message, TestGateway.TWILIO_MAIN_TOKEN)
                        .code())
                .isEqualTo(401);
        assertThat(gateway.postTwilioWebhook(message, SUB_TOKEN).code()).isEqualTo(401);
        assertThat(items(gateway.admin("GET", "/api/v1/unroutable", null).json()))
                .isEmpty();
        assertThat(items(gateway.admin("GET", "/api/v1/tenants/loja-main/messages", null)
                        .json()))
                .isEmpty();
    }

    @Test
    void anUnknownStoreNumberIsAcknowledgedAndListedAsUnroutable() throws Exception {
        start(Map.of());
        TwilioPayloads message = TwilioPayloads.message(
                        "SM00000000000000000000000000000005",
                        CUSTOMER,
                        "+551140040000",
                        TwilioPayloads.MAIN_ACCOUNT_SID)
                .put("MessageType", "text")
                .put("Body", "alô?");

        HttpResult ack = gateway.postTwilioWebhook(message, TestGateway.TWILIO_MAIN_TOKEN);

        assertThat(ack.code()).isEqualTo(200);
        assertThat(items(gateway.admin("GET", "/api/v1/unroutable", null).json()))
                .extracting(i -> i.path("providerMessageId").asText() + "/"
                        + i.path("reason").asText())
                .containsExactly("SM00000000000000000000000000000005/unknown_store_number");
    }

    @Test
    void anOwnerWritingToTheTwilioPlatformNumberIsAnAdminAndIsAnsweredFromIt() throws Exception {
        start(Map.of("WHATSAPP_PROVIDER", "twilio", "TWILIO_WHATSAPP_FROM", "+14155238886"));
        gateway.instance(AdminPhoneRepository.class)
                .add(new AdminPhone(
                        "admin-1",
                        new TenantId("loja-sub"),
                        "user-1",
                        new PhoneNumber("+5511999991111"),
                        "owner",
                        Instant.now(),
                        Instant.now()));
        TwilioPayloads message = TwilioPayloads.message(
                        "SM00000000000000000000000000000006",
                        "+551199991111",
                        "+14155238886",
                        TwilioPayloads.MAIN_ACCOUNT_SID)
                .put("MessageType", "text")
                .put("Body", "Pedidos hoje?");

        assertThat(gateway.postTwilioWebhook(message, SUB_TOKEN).code()).isEqualTo(401);
        assertThat(gateway.postTwilioWebhook(message, TestGateway.TWILIO_MAIN_TOKEN)
                        .code())
                .isEqualTo(200);

        Eventually.within(
                WAIT, "the owner's store is called", () -> subStore.calls().size() == 1);
        assertThat(subStore.calls().get(0).body().path("role").asText()).isEqualTo("admin");
        assertThat(subStore.calls().get(0).body().path("from").asText()).isEqualTo("+5511999991111");
        Eventually.within(WAIT, "the reply is sent", () -> twilio.sends().size() == 1);
        FakeTwilio.Send send = twilio.sends().get(0);
        assertThat(send.path()).isEqualTo("/2010-04-01/Accounts/" + TwilioPayloads.MAIN_ACCOUNT_SID + "/Messages.json");
        assertThat(send.from()).isEqualTo("whatsapp:+14155238886");
        assertThat(send.to()).isEqualTo("whatsapp:+551199991111");
    }

    static void createTenant(TestGateway gateway, String id, FakeTenant tenant, String phone, String credentials) {
        String json = "{\"id\":\"" + id + "\",\"subdomain\":\"" + id + "\",\"instanceUrl\":\"" + tenant.url() + "\","
                + "\"whatsapp\":{\"phoneNumber\":\"" + phone + "\",\"provider\":\"twilio\"" + credentials + "}}";
        HttpResult created = gateway.admin("POST", "/api/v1/tenants", json);
        assertThat(created.code()).as(created.body()).isEqualTo(201);
    }

    static List<JsonNode> items(JsonNode list) {
        return StreamSupport.stream(list.path("items").spliterator(), false).toList();
    }
}
