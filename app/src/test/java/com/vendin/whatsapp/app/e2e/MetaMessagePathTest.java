package com.vendin.whatsapp.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.vendin.whatsapp.app.support.Eventually;
import com.vendin.whatsapp.app.support.FakeGraph;
import com.vendin.whatsapp.app.support.FakeTenant;
import com.vendin.whatsapp.app.support.HttpResult;
import com.vendin.whatsapp.app.support.MetaPayloads;
import com.vendin.whatsapp.app.support.TestGateway;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.AdminPhone;
import com.vendin.whatsapp.ports.tenant.AdminPhoneRepository;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Meta message path end to end: signed webhooks in over HTTP, MockWebServer tenants and Graph API. */
class MetaMessagePathTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String MODA_PHONE_ID = "100000000000001";
    private static final String MODA_DISPLAY = "5511999911111";
    private static final String TECH_PHONE_ID = "100000000000002";
    private static final String TECH_DISPLAY = "5511999922222";
    private static final String CUSTOMER = "5511988887777";

    @TempDir
    Path dir;

    private FakeGraph graph;
    private FakeTenant moda;
    private FakeTenant tech;
    private TestGateway gateway;
    private String modaSecret;

    @BeforeEach
    void start() throws Exception {
        graph = new FakeGraph().start();
        moda = new FakeTenant().start();
        tech = new FakeTenant().start();
        gateway = TestGateway.start(TestGateway.environment(dir, graph.baseUrl()));
        modaSecret = createTenant("moda-brasil", moda, "+55 11 99991-1111", MODA_PHONE_ID, "moda-token");
        createTenant("tech-store", tech, "+5511999922222", TECH_PHONE_ID, "tech-token");
    }

    @AfterEach
    void stop() {
        gateway.close();
        moda.close();
        tech.close();
        graph.close();
    }

    @Test
    void customerMessageReachesItsStoreSignedAndTheReplyLeavesFromTheStoreNumber() {
        String body = MetaPayloads.webhook()
                .text(MODA_PHONE_ID, MODA_DISPLAY, CUSTOMER, "wamid.C1", "Olá, tem a camiseta azul?", 1_795_000_000L)
                .json();

        HttpResult ack = gateway.postMetaWebhook(body);

        assertThat(ack.code()).isEqualTo(200);
        assertThat(ack.json().path("success").asBoolean()).isTrue();
        Eventually.within(WAIT, "the store is called", () -> moda.calls().size() == 1);
        FakeTenant.Call call = moda.calls().get(0);
        assertThat(call.request().getUrl().encodedPath()).isEqualTo("/webhooks/whatsapp");
        assertThat(call.body().path("from").asText()).isEqualTo("+5511988887777");
        assertThat(call.body().path("message").asText()).isEqualTo("Olá, tem a camiseta azul?");
        assertThat(call.body().path("role").asText()).isEqualTo("customer");
        assertThat(call.body().path("threadId").asText()).isEqualTo("+5511988887777");
        assertThat(call.body().path("messageId").asText()).isEqualTo("wamid.C1");
        assertThat(call.body().path("tenantId").asText()).isEqualTo("moda-brasil");
        assertThat(call.body().path("type").asText()).isEqualTo("text");
        assertThat(call.body().path("profileName").asText()).isEqualTo("Ana");
        assertThat(Instant.parse(call.body().path("receivedAt").asText()))
                .isEqualTo(Instant.ofEpochSecond(1_795_000_000L));
        assertThat(call.header("X-Vendin-Tenant")).isEqualTo("moda-brasil");
        assertThat(call.header("X-Vendin-Signature")).isEqualTo(expectedSignature(call, modaSecret));
        assertThat(tech.calls()).isEmpty();

        Eventually.within(WAIT, "the reply is sent", () -> graph.sends().size() == 1);
        FakeGraph.Send send = graph.sends().get(0);
        assertThat(send.path()).isEqualTo("/v25.0/" + MODA_PHONE_ID + "/messages");
        assertThat(send.authorization()).isEqualTo("Bearer moda-token");
        assertThat(send.to()).isEqualTo(CUSTOMER);
        assertThat(send.text()).isEqualTo("Re: Olá, tem a camiseta azul?");
        assertThat(send.body().path("messaging_product").asText()).isEqualTo("whatsapp");
        assertThat(send.body().path("type").asText()).isEqualTo("text");

        Eventually.within(
                WAIT,
                "the inbound message is replied",
                () -> states("moda-brasil").contains("replied"));
        assertThat(states("moda-brasil")).containsExactlyInAnyOrder("replied", "sent");
    }

    @Test
    void ownerWithoutNinthDigitFromMetaReachesTheirStoreAsAdminAndIsAnsweredFromThePlatformNumber() {
        registerAdmin("moda-brasil", "+5511999991111");
        String body = MetaPayloads.webhook()
                .text(TestGateway.PLATFORM_PHONE_ID, "15550001111", "551199991111", "wamid.A1", "Quantos pedidos hoje?")
                .json();

        assertThat(gateway.postMetaWebhook(body).code()).isEqualTo(200);

        Eventually.within(
                WAIT, "the owner's store is called", () -> moda.calls().size() == 1);
        JsonNode forwarded = moda.calls().get(0).body();
        assertThat(forwarded.path("role").asText()).isEqualTo("admin");
        assertThat(forwarded.path("from").asText()).isEqualTo("+5511999991111");
        assertThat(forwarded.path("tenantId").asText()).isEqualTo("moda-brasil");
        Eventually.within(WAIT, "the reply is sent", () -> graph.sends().size() == 1);
        FakeGraph.Send send = graph.sends().get(0);
        assertThat(send.path()).isEqualTo("/v25.0/" + TestGateway.PLATFORM_PHONE_ID + "/messages");
        assertThat(send.authorization()).isEqualTo("Bearer " + TestGateway.PLATFORM_TOKEN);
        assertThat(send.to()).isEqualTo("551199991111");
    }

    @Test
    void ownerRegisteredWithoutNinthDigitIsMatchedWhenMetaSendsIt() {
        registerAdmin("tech-store", "+551199992222");
        String body = MetaPayloads.webhook()
                .text(TestGateway.PLATFORM_PHONE_ID, "15550001111", "5511999992222", "wamid.A2", "Oi")
                .json();

        assertThat(gateway.postMetaWebhook(body).code()).isEqualTo(200);

        Eventually.within(
                WAIT, "the owner's store is called", () -> tech.calls().size() == 1);
        assertThat(tech.calls().get(0).body().path("role").asText()).isEqualTo("admin");
        assertThat(tech.calls().get(0).body().path("from").asText()).isEqualTo("+5511999992222");
        assertThat(moda.calls()).isEmpty();
    }

    @Test
    void onePostWithMessagesForTwoStoresReachesBoth() {
        String body = MetaPayloads.webhook()
                .text(MODA_PHONE_ID, MODA_DISPLAY, CUSTOMER, "wamid.M1", "para a Moda")
                .text(TECH_PHONE_ID, TECH_DISPLAY, "5521977776666", "wamid.T1", "para a Tech")
                .json();

        assertThat(gateway.postMetaWebhook(body).code()).isEqualTo(200);

        Eventually.within(
                WAIT,
                "both stores are called",
                () -> moda.calls().size() == 1 && tech.calls().size() == 1);
        assertThat(moda.calls().get(0).body().path("message").asText()).isEqualTo("para a Moda");
        assertThat(tech.calls().get(0).body().path("message").asText()).isEqualTo("para a Tech");
        Eventually.within(WAIT, "both replies are sent", () -> graph.sends().size() == 2);
        assertThat(graph.sends())
                .extracting(FakeGraph.Send::path)
                .containsExactlyInAnyOrder(
                        "/v25.0/" + MODA_PHONE_ID + "/messages", "/v25.0/" + TECH_PHONE_ID + "/messages");
    }

    @Test
    void theSameWebhookDeliveredThreeTimesReachesTheTenantOnce() {
        String body = MetaPayloads.webhook()
                .text(MODA_PHONE_ID, MODA_DISPLAY, CUSTOMER, "wamid.D1", "uma vez")
                .json();

        for (int i = 0; i < 3; i++) {
            assertThat(gateway.postMetaWebhook(body).code()).isEqualTo(200);
        }

        Eventually.within(
                WAIT, "the message is replied", () -> states("moda-brasil").contains("replied"));
        assertThat(moda.calls()).hasSize(1);
        assertThat(graph.sends()).hasSize(1);
        assertThat(states("moda-brasil")).containsExactlyInAnyOrder("replied", "sent");
    }

    @Test
    void unknownStoreNumberAndUnregisteredAdminAreAcknowledgedListedAndNeverForwarded() {
        String body = MetaPayloads.webhook()
                .text("199999999999999", "5511955554444", CUSTOMER, "wamid.U1", "loja desconhecida")
                .text(TestGateway.PLATFORM_PHONE_ID, "15550001111", "5511944443333", "wamid.U2", "sou dono?")
                .json();

        assertThat(gateway.postMetaWebhook(body).code()).isEqualTo(200);

        HttpResult unroutable = gateway.admin("GET", "/api/v1/unroutable", null);
        assertThat(unroutable.code()).isEqualTo(200);
        List<JsonNode> items = items(unroutable.json());
        assertThat(items)
                .extracting(i -> i.path("providerMessageId").asText() + "/"
                        + i.path("reason").asText())
                .containsExactlyInAnyOrder("wamid.U1/unknown_store_number", "wamid.U2/unregistered_admin");
        assertThat(items).allSatisfy(i -> assertThat(i.path("id").asText()).isNotBlank());
        // A routable message sent afterwards is delivered; by then the unroutable ones would have been too.
        gateway.postMetaWebhook(MetaPayloads.webhook()
                .text(MODA_PHONE_ID, MODA_DISPLAY, CUSTOMER, "wamid.U3", "ok")
                .json());
        Eventually.within(
                WAIT, "the routable message is delivered", () -> moda.calls().size() == 1);
        assertThat(moda.calls().get(0).body().path("messageId").asText()).isEqualTo("wamid.U3");
        assertThat(tech.calls()).isEmpty();
    }

    @Test
    void missingOrWrongSignatureIs401AndNothingIsRecorded() {
        byte[] body = MetaPayloads.webhook()
                .text(MODA_PHONE_ID, MODA_DISPLAY, CUSTOMER, "wamid.S1", "forjada")
                .json()
                .getBytes(StandardCharsets.UTF_8);

        assertThat(gateway.postMetaWebhook(body, null).code()).isEqualTo(401);
        assertThat(gateway.postMetaWebhook(body, MetaPayloads.sign(body, "not-the-secret"))
                        .code())
                .isEqualTo(401);
        assertThat(gateway.postMetaWebhook(body, "sha256=zz").code()).isEqualTo(401);
        assertThat(gateway.postMetaWebhook(body, "sha1=" + "0".repeat(40)).code())
                .isEqualTo(401);

        assertThat(items(gateway.admin("GET", "/api/v1/tenants/moda-brasil/messages", null)
                        .json()))
                .isEmpty();
        assertThat(items(gateway.admin("GET", "/api/v1/unroutable", null).json()))
                .isEmpty();
        assertThat(moda.calls()).isEmpty();
    }

    @Test
    void signedButMalformedJsonIs400() {
        byte[] body = "{\"object\":\"whatsapp_business_account\",\"entry\":[".getBytes(StandardCharsets.UTF_8);

        HttpResult result = gateway.postMetaWebhook(body, MetaPayloads.sign(body, TestGateway.APP_SECRET));

        assertThat(result.code()).isEqualTo(400);
    }

    @Test
    void bodiesOverFourMebibytesAre413WithOrWithoutContentLength() {
        byte[] big = new byte[4 * 1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        String signature = MetaPayloads.sign(big, TestGateway.APP_SECRET);

        assertThat(gateway.postMetaWebhook(big, signature).code()).isEqualTo(413);

        okhttp3.RequestBody chunked = new okhttp3.RequestBody() {
            @Override
            public okhttp3.MediaType contentType() {
                return okhttp3.MediaType.get("application/json");
            }

            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void writeTo(okio.BufferedSink sink) throws java.io.IOException {
                sink.write(big);
            }
        };
        HttpResult result = TestGateway.execute(new okhttp3.Request.Builder()
                .url(gateway.baseUrl() + "/webhooks/whatsapp/facebook")
                .header("X-Hub-Signature-256", signature)
                .post(chunked)
                .build());
        assertThat(result.code()).isEqualTo(413);
    }

    @Test
    void theAcknowledgementDoesNotWaitForASlowTenant() {
        moda.delayEveryAnswer(Duration.ofSeconds(10));
        String body = MetaPayloads.webhook()
                .text(MODA_PHONE_ID, MODA_DISPLAY, CUSTOMER, "wamid.L1", "demora")
                .json();

        long started = System.nanoTime();
        HttpResult ack = gateway.postMetaWebhook(body);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(ack.code()).isEqualTo(200);
        assertThat(took).isLessThan(Duration.ofSeconds(1));
        Eventually.within(
                WAIT, "the slow tenant is being called", () -> moda.calls().size() == 1);
    }

    @Test
    void statusesUpdateTheReplyPartNeverMoveBackwardsAndAreNeverForwarded() {
        gateway.postMetaWebhook(MetaPayloads.webhook()
                .text(MODA_PHONE_ID, MODA_DISPLAY, CUSTOMER, "wamid.St1", "oi")
                .json());
        Eventually.within(WAIT, "the reply is sent", () -> states("moda-brasil").contains("replied"));
        String wamid = graph.sends().get(0).wamid();

        HttpResult read = gateway.postMetaWebhook(MetaPayloads.webhook()
                .status(MODA_PHONE_ID, MODA_DISPLAY, wamid, "read", CUSTOMER)
                .json());
        HttpResult lateDelivered = gateway.postMetaWebhook(MetaPayloads.webhook()
                .status(MODA_PHONE_ID, MODA_DISPLAY, wamid, "delivered", CUSTOMER)
                .json());
        HttpResult unknown = gateway.postMetaWebhook(MetaPayloads.webhook()
                .status(MODA_PHONE_ID, MODA_DISPLAY, "wamid.NEVER-SENT", "delivered", CUSTOMER)
                .json());

        assertThat(List.of(read.code(), lateDelivered.code(), unknown.code())).containsOnly(200);
        assertThat(states("moda-brasil")).containsExactlyInAnyOrder("replied", "read");
        assertThat(moda.calls()).hasSize(1);
    }

    @Test
    void theVerificationHandshakeEchoesTheChallengeOnlyForTheRightToken() {
        HttpResult ok = gateway.get("/webhooks/whatsapp/facebook?hub.mode=subscribe&hub.verify_token="
                + TestGateway.VERIFY_TOKEN + "&hub.challenge=1158201444");
        HttpResult wrong = gateway.get(
                "/webhooks/whatsapp/facebook?hub.mode=subscribe&hub.verify_token=nope" + "&hub.challenge=1158201444");

        assertThat(ok.code()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("1158201444");
        assertThat(ok.contentType()).startsWith("text/plain");
        assertThat(wrong.code()).isEqualTo(403);
    }

    @Test
    void theAdminApiKeepsSecretsOutOfReadsAndRefusesWrongTokens() {
        HttpResult tenant = gateway.admin("GET", "/api/v1/tenants/moda-brasil", null);
        HttpResult noToken = gateway.get("/api/v1/tenants/moda-brasil");
        HttpResult duplicateNumber = gateway.admin(
                "POST",
                "/api/v1/tenants",
                "{\"subdomain\":\"outra\","
                        + "\"instanceUrl\":\"http://10.0.0.5:9000\",\"whatsapp\":{\"phoneNumber\":\"+5511999911111\","
                        + "\"phoneId\":\"555\",\"provider\":\"facebook\"}}");

        assertThat(tenant.code()).isEqualTo(200);
        assertThat(tenant.body())
                .doesNotContain("moda-token")
                .doesNotContain(modaSecret)
                .doesNotContain("instanceSecret");
        assertThat(tenant.json().path("whatsapp").path("status").asText()).isEqualTo("active");
        assertThat(tenant.json().path("whatsapp").path("phoneNumber").asText()).isEqualTo("+5511999911111");
        assertThat(noToken.code()).isEqualTo(401);
        assertThat(noToken.errorCode()).isEqualTo("unauthorized");
        assertThat(duplicateNumber.code()).isEqualTo(409);
        assertThat(duplicateNumber.errorCode()).isEqualTo("phone_number_taken");
        assertThat(gateway.admin("DELETE", "/api/v1/tenants/tech-store", null).code())
                .isEqualTo(204);
        assertThat(gateway.admin("GET", "/api/v1/tenants/tech-store", null).errorCode())
                .isEqualTo("tenant_not_found");
    }

    private String createTenant(String id, FakeTenant tenant, String phone, String phoneId, String token) {
        String json = "{\"id\":\"" + id + "\",\"subdomain\":\"" + id + "\",\"instanceUrl\":\"" + tenant.url() + "\","
                + "\"whatsapp\":{\"phoneNumber\":\"" + phone + "\",\"phoneId\":\"" + phoneId + "\","
                + "\"provider\":\"facebook\",\"accessToken\":\"" + token + "\"}}";
        HttpResult created = gateway.admin("POST", "/api/v1/tenants", json);
        assertThat(created.code()).as(created.body()).isEqualTo(201);
        return created.json().path("instanceSecret").asText();
    }

    private void registerAdmin(String tenantId, String phone) {
        gateway.instance(AdminPhoneRepository.class)
                .add(new AdminPhone(
                        "admin-" + tenantId,
                        new TenantId(tenantId),
                        "user-1",
                        new PhoneNumber(phone),
                        "owner",
                        Instant.now(),
                        Instant.now()));
    }

    private List<String> states(String tenantId) {
        HttpResult result = gateway.admin("GET", "/api/v1/tenants/" + tenantId + "/messages", null);
        return items(result.json()).stream().map(i -> i.path("state").asText()).toList();
    }

    private static List<JsonNode> items(JsonNode list) {
        return StreamSupport.stream(list.path("items").spliterator(), false).toList();
    }

    private static String expectedSignature(FakeTenant.Call call, String secret) {
        String signed = call.header("X-Vendin-Timestamp") + "." + call.rawBody();
        return "v1="
                + HexFormat.of()
                        .formatHex(MetaPayloads.hmac(
                                "HmacSHA256",
                                secret.getBytes(StandardCharsets.UTF_8),
                                signed.getBytes(StandardCharsets.UTF_8)));
    }
}
