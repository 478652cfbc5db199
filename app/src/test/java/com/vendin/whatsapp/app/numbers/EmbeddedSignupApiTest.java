package com.vendin.whatsapp.app.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vendin.whatsapp.app.support.DatabaseFiles;
import com.vendin.whatsapp.app.support.Eventually;
import com.vendin.whatsapp.app.support.FakeMetaSignup;
import com.vendin.whatsapp.app.support.FakeMetaSignup.Step;
import com.vendin.whatsapp.app.support.FakeTenant;
import com.vendin.whatsapp.app.support.HttpResult;
import com.vendin.whatsapp.app.support.MetaPayloads;
import com.vendin.whatsapp.app.support.TestGateway;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.numbers.ProvisioningStore;
import com.vendin.whatsapp.ports.tenant.Tenant;
import com.vendin.whatsapp.ports.tenant.TenantId;
import com.vendin.whatsapp.ports.tenant.TenantRepository;
import com.vendin.whatsapp.ports.tenant.WhatsAppNumber;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Embedded Signup (CONTRACT §5.3 A) over real HTTP, with Meta's Graph API played by MockWebServer. */
class EmbeddedSignupApiTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String APP_ID = "1234567890123";
    private static final String BUSINESS_TOKEN = "EAAGbusinessTokenQ7xZr4Lm2Vw9Kp3Ns6Tb8Yc1";
    private static final String PHONE_NUMBER_ID = "106540352242922";
    private static final String WABA_ID = "102290129340398";
    private static final String SIGNUP = "/api/v1/tenants/moda-brasil/whatsapp/embedded-signup";
    private static final String REQUEST =
            "{\"code\":\"AQBx-code-1\",\"phoneNumberId\":\"" + PHONE_NUMBER_ID + "\",\"wabaId\":\"" + WABA_ID + "\"}";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private FakeMetaSignup meta;
    private FakeTenant store;
    private TestGateway gateway;

    @BeforeEach
    void start() throws Exception {
        meta = new FakeMetaSignup(BUSINESS_TOKEN, PHONE_NUMBER_ID, "+55 11 95555-1234").start();
        store = new FakeTenant().start();
        Map<String, String> env = TestGateway.environment(dir, meta.baseUrl());
        env.put("FACEBOOK_APP_ID", APP_ID);
        gateway = TestGateway.start(env);
    }

    @AfterEach
    void stop() {
        gateway.close();
        store.close();
        meta.close();
    }

    @Test
    void signupMakesTheFourGraphCallsAsMetaDocumentsThemThenStoresNumberPhoneIdTokenAndPin() throws Exception {
        createTenant(null);

        HttpResult result = gateway.admin("POST", SIGNUP, REQUEST);

        assertThat(result.code()).as(result.body()).isEqualTo(200);
        assertThat(result.json().path("phoneNumber").asText()).isEqualTo("+5511955551234");
        assertThat(result.json().path("verifiedName").asText()).isEqualTo("Moda Brasil");
        assertThat(meta.steps())
                .extracting(c -> c.step().orElseThrow())
                .containsExactly(Step.EXCHANGE, Step.DETAILS, Step.SUBSCRIBE, Step.REGISTER);
        FakeMetaSignup.Call exchange = meta.steps().get(0);
        assertThat(exchange.request().getMethod()).isEqualTo("GET");
        assertThat(exchange.path()).isEqualTo("/v25.0/oauth/access_token");
        assertThat(exchange.query("client_id")).isEqualTo(APP_ID);
        assertThat(exchange.query("client_secret")).isEqualTo(TestGateway.APP_SECRET);
        assertThat(exchange.query("code")).isEqualTo("AQBx-code-1");
        FakeMetaSignup.Call details = meta.steps().get(1);
        assertThat(details.request().getMethod()).isEqualTo("GET");
        assertThat(details.path()).isEqualTo("/v25.0/" + PHONE_NUMBER_ID);
        assertThat(details.query("fields")).isEqualTo("display_phone_number,verified_name");
        FakeMetaSignup.Call subscribe = meta.steps().get(2);
        assertThat(subscribe.request().getMethod()).isEqualTo("POST");
        assertThat(subscribe.path()).isEqualTo("/v25.0/" + WABA_ID + "/subscribed_apps");
        FakeMetaSignup.Call register = meta.steps().get(3);
        assertThat(register.request().getMethod()).isEqualTo("POST");
        assertThat(register.path()).isEqualTo("/v25.0/" + PHONE_NUMBER_ID + "/register");
        JsonNode registration = JSON.readTree(register.body());
        assertThat(registration.path("messaging_product").asText()).isEqualTo("whatsapp");
        String pin = registration.path("pin").asText();
        assertThat(pin).matches("[0-9]{6}");
        assertThat(meta.steps().subList(1, 4))
                .allSatisfy(c -> assertThat(c.authorization()).isEqualTo("Bearer " + BUSINESS_TOKEN));

        WhatsAppNumber stored = tenant().whatsapp().orElseThrow();
        assertThat(stored.phoneNumber().e164()).isEqualTo("+5511955551234");
        assertThat(stored.phoneId()).contains(PHONE_NUMBER_ID);
        assertThat(stored.accessToken()).contains(new Secret(BUSINESS_TOKEN));
        assertThat(gateway.instance(ProvisioningStore.class).registrationPin(new TenantId("moda-brasil")))
                .contains(new Secret(pin));
        HttpResult view = gateway.admin("GET", "/api/v1/tenants/moda-brasil", null);
        assertThat(view.body())
                .contains("+5511955551234")
                .doesNotContain(BUSINESS_TOKEN)
                .doesNotContain(pin);
        assertThat(result.body()).doesNotContain(BUSINESS_TOKEN);
    }

    @Test
    void theBusinessTokenNeverAppearsAsBytesInTheSqliteFileOrItsWal() {
        createTenant(null);

        assertThat(gateway.admin("POST", SIGNUP, REQUEST).code()).isEqualTo(200);

        assertThat(DatabaseFiles.contain(dir, PHONE_NUMBER_ID))
                .as("the scan sees what was written")
                .isTrue();
        assertThat(DatabaseFiles.contain(dir, BUSINESS_TOKEN)).isFalse();
        assertThat(DatabaseFiles.contain(dir, BUSINESS_TOKEN.substring(0, 16))).isFalse();
    }

    @Test
    void aGivenPinIsTheOneRegisteredAndAMalformedPinIs400BeforeAnyCall() throws Exception {
        createTenant(null);

        HttpResult bad = gateway.admin("POST", SIGNUP, REQUEST.replace("}", ",\"pin\":\"12a456\"}"));
        assertThat(bad.code()).isEqualTo(400);
        assertThat(bad.errorCode()).isEqualTo("invalid_pin");
        assertThat(meta.calls()).isEmpty();

        assertThat(gateway.admin("POST", SIGNUP, REQUEST.replace("}", ",\"pin\":\"246810\"}"))
                        .code())
                .isEqualTo(200);
        assertThat(JSON.readTree(meta.steps().get(3).body()).path("pin").asText())
                .isEqualTo("246810");
    }

    @Test
    void aFailureAtEachStepIs502WithMetasCodeAndLeavesTheTenantUnchanged() {
        createTenant("{\"phoneNumber\":\"+5511999991111\",\"phoneId\":\"100000000000001\",\"provider\":\"facebook\","
                + "\"accessToken\":\"old-token\"}");
        Tenant before = tenant();

        for (Step step : Step.values()) {
            meta.failAt(Optional.of(step));
            int callsBefore = meta.steps().size();

            HttpResult result = gateway.admin("POST", SIGNUP, REQUEST);

            assertThat(result.code()).as(step.name()).isEqualTo(502);
            assertThat(result.errorCode()).isEqualTo("provider_error");
            assertThat(result.json().path("error").path("providerCode").asText())
                    .isEqualTo(FakeMetaSignup.errorCode(step));
            assertThat(meta.steps().subList(callsBefore, meta.steps().size()))
                    .extracting(c -> c.step().orElseThrow())
                    .last()
                    .isEqualTo(step);
            assertThat(meta.steps().size() - callsBefore).isEqualTo(step.ordinal() + 1);
            assertThat(tenant()).as("tenant after a failure at " + step).isEqualTo(before);
            assertThat(gateway.instance(ProvisioningStore.class).registrationPin(new TenantId("moda-brasil")))
                    .isEmpty();
        }

        meta.failAt(Optional.empty());
        assertThat(gateway.admin("POST", SIGNUP, REQUEST).code()).isEqualTo(200);
        assertThat(tenant().whatsapp().orElseThrow().phoneId()).contains(PHONE_NUMBER_ID);
    }

    @Test
    void anUnknownTenantIs404AndNoCallIsMade() {
        HttpResult result = gateway.admin("POST", SIGNUP, REQUEST);

        assertThat(result.code()).isEqualTo(404);
        assertThat(result.errorCode()).isEqualTo("tenant_not_found");
        assertThat(meta.calls()).isEmpty();
    }

    @Test
    void aCustomerMessageToTheConnectedNumberReachesTheTenantAndIsAnsweredWithItsOwnToken() {
        createTenant(null);
        assertThat(gateway.admin("POST", SIGNUP, REQUEST).code()).isEqualTo(200);

        String body = MetaPayloads.webhook()
                .text(PHONE_NUMBER_ID, "5511955551234", "5511988887777", "wamid.ES1", "Tem camiseta azul?")
                .json();
        assertThat(gateway.postMetaWebhook(body).code()).isEqualTo(200);

        Eventually.within(WAIT, "the store is called", () -> store.calls().size() == 1);
        assertThat(store.calls().get(0).body().path("tenantId").asText()).isEqualTo("moda-brasil");
        assertThat(store.calls().get(0).body().path("message").asText()).isEqualTo("Tem camiseta azul?");
        Eventually.within(WAIT, "the reply is sent", () -> meta.sends().size() == 1);
        assertThat(meta.sends().get(0).path()).isEqualTo("/v25.0/" + PHONE_NUMBER_ID + "/messages");
        assertThat(meta.sends().get(0).authorization()).isEqualTo("Bearer " + BUSINESS_TOKEN);
    }

    private void createTenant(String whatsapp) {
        HttpResult created = gateway.admin(
                "POST",
                "/api/v1/tenants",
                "{\"id\":\"moda-brasil\",\"subdomain\":\"moda\"," + "\"instanceUrl\":\"" + store.url() + "\""
                        + (whatsapp == null ? "" : ",\"whatsapp\":" + whatsapp) + "}");
        assertThat(created.code()).as(created.body()).isEqualTo(201);
    }

    private Tenant tenant() {
        return gateway.instance(TenantRepository.class)
                .findById(new TenantId("moda-brasil"))
                .orElseThrow();
    }
}
