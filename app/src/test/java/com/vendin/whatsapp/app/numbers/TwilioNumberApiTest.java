package com.vendin.whatsapp.app.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.app.support.DatabaseFiles;
import com.vendin.whatsapp.app.support.Eventually;
import com.vendin.whatsapp.app.support.FakeGraph;
import com.vendin.whatsapp.app.support.FakeTenant;
import com.vendin.whatsapp.app.support.FakeTwilio;
import com.vendin.whatsapp.app.support.HttpResult;
import com.vendin.whatsapp.app.support.TestGateway;
import com.vendin.whatsapp.app.support.TwilioPayloads;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.Tenant;
import com.vendin.whatsapp.ports.tenant.TenantDirectory;
import com.vendin.whatsapp.ports.tenant.TenantId;
import com.vendin.whatsapp.ports.tenant.TenantRepository;
import com.vendin.whatsapp.ports.tenant.WhatsAppNumber;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import okhttp3.Credentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Twilio subaccount provisioning (CONTRACT §5.3 C) over real HTTP, with Twilio's REST API played by MockWebServer. */
class TwilioNumberApiTest {
    private static final String MAIN_SID = "AC0123456789abcdef0123456789abcdef";
    private static final String MAIN_TOKEN = "main-auth-token-4f1c";
    private static final String PUBLIC_URL = "https://gw.example.com";
    private static final String PROVISION = "/api/v1/tenants/moda-brasil/whatsapp/twilio-number";
    private static final String REQUEST = "{\"country\":\"US\",\"areaCode\":\"415\"}";
    private static final String SUBACCOUNTS = "/2010-04-01/Accounts.json";

    @TempDir
    Path dir;

    private FakeTwilio twilio;
    private FakeGraph graph;
    private FakeTenant store;
    private TestGateway gateway;

    @BeforeEach
    void start() throws Exception {
        twilio = new FakeTwilio(MAIN_SID, MAIN_TOKEN).start();
        graph = new FakeGraph().start();
        store = new FakeTenant().start();
        Map<String, String> env = TestGateway.environment(dir, graph.baseUrl());
        env.put("TWILIO_ACCOUNT_SID", MAIN_SID);
        env.put("TWILIO_AUTH_TOKEN", MAIN_TOKEN);
        env.put("TWILIO_API_URL", twilio.baseUrl());
        env.put("GATEWAY_PUBLIC_URL", PUBLIC_URL);
        gateway = TestGateway.start(env);
    }

    @AfterEach
    void stop() {
        gateway.close();
        store.close();
        graph.close();
        twilio.close();
    }

    @Test
    void buysANumberIntoANewSubaccountAsTwilioDocumentsItAndRoutesTheNumberToTheTenant() {
        createTenant(null);

        HttpResult result = gateway.admin("POST", PROVISION, REQUEST);

        assertThat(result.code()).as(result.body()).isEqualTo(201);
        FakeTwilio.Subaccount sub = twilio.subaccounts().get(0);
        assertThat(result.json().path("phoneNumber").asText()).isEqualTo("+14155550101");
        assertThat(result.json().path("subaccountSid").asText()).isEqualTo(sub.sid());
        assertThat(result.json().path("whatsappSenderStatus").asText()).isEqualTo("pending");
        assertThat(result.body()).doesNotContain(sub.authToken());
        assertThat(sub.friendlyName()).isEqualTo("tenant-moda-brasil");
        assertThat(twilio.calls())
                .allSatisfy(c -> assertThat(c.authorization())
                        .isEqualTo(Credentials.basic(MAIN_SID, MAIN_TOKEN, StandardCharsets.UTF_8)));
        assertThat(twilio.calls("GET", SUBACCOUNTS))
                .singleElement()
                .satisfies(c -> assertThat(c.params()).containsEntry("FriendlyName", "tenant-moda-brasil"));
        assertThat(twilio.calls("POST", SUBACCOUNTS))
                .singleElement()
                .satisfies(c -> assertThat(c.params()).containsEntry("FriendlyName", "tenant-moda-brasil"));
        assertThat(twilio.calls("GET", "/Accounts/" + sub.sid() + "/AvailablePhoneNumbers/US/Local.json"))
                .singleElement()
                .satisfies(c -> assertThat(c.params()).containsEntry("AreaCode", "415"));
        assertThat(twilio.calls("POST", "/Accounts/" + sub.sid() + "/IncomingPhoneNumbers.json"))
                .singleElement()
                .satisfies(c -> assertThat(c.params())
                        .containsEntry("PhoneNumber", "+14155550101")
                        .containsEntry("SmsUrl", PUBLIC_URL + "/webhooks/whatsapp/twilio"));
        assertThat(sub.numbers()).containsExactly(Map.entry("+14155550101", PUBLIC_URL + "/webhooks/whatsapp/twilio"));

        Tenant routed = gateway.instance(TenantDirectory.class)
                .findByNumber(new PhoneNumber("+14155550101"))
                .orElseThrow();
        assertThat(routed.id().value()).isEqualTo("moda-brasil");
        WhatsAppNumber number = routed.whatsapp().orElseThrow();
        assertThat(number.provider()).isEqualTo(Provider.TWILIO);
        assertThat(number.twilioAccountSid()).contains(sub.sid());
        assertThat(number.twilioAuthToken()).contains(new Secret(sub.authToken()));
        HttpResult view = gateway.admin("GET", "/api/v1/tenants/moda-brasil", null);
        assertThat(view.body()).contains("+14155550101").doesNotContain(sub.authToken());
    }

    @Test
    void aCustomersTwilioMessageToTheBoughtNumberReachesTheStoreAndIsAnsweredThroughTheSubaccount() {
        createTenant(null);
        assertThat(gateway.admin("POST", PROVISION, REQUEST).code()).isEqualTo(201);
        FakeTwilio.Subaccount sub = twilio.subaccounts().get(0);
        TwilioPayloads message = TwilioPayloads.message(
                        "SM00000000000000000000000000000001", "+5511988887777", "+14155550101", sub.sid())
                .put("Body", "Oi, loja nova!")
                .put("MessageType", "text");
        String url = PUBLIC_URL + "/webhooks/whatsapp/twilio";

        HttpResult withMainToken = gateway.postTwilioWebhookWithSignature(message, message.sign(url, MAIN_TOKEN));
        HttpResult withSubaccountToken =
                gateway.postTwilioWebhookWithSignature(message, message.sign(url, sub.authToken()));

        assertThat(withMainToken.code()).isEqualTo(401);
        assertThat(withSubaccountToken.code()).isEqualTo(200);
        Eventually.within(
                Duration.ofSeconds(10),
                "the store is called",
                () -> store.calls().size() == 1);
        assertThat(store.calls().get(0).body().path("message").asText()).isEqualTo("Oi, loja nova!");
        assertThat(store.calls().get(0).body().path("role").asText()).isEqualTo("customer");
        Eventually.within(
                Duration.ofSeconds(10),
                "the reply is sent",
                () -> twilio.sends().size() == 1);
        FakeTwilio.Send reply = twilio.sends().get(0);
        assertThat(reply.path()).isEqualTo("/2010-04-01/Accounts/" + sub.sid() + "/Messages.json");
        assertThat(reply.authorization())
                .isEqualTo(Credentials.basic(sub.sid(), sub.authToken(), StandardCharsets.UTF_8));
        assertThat(reply.from()).isEqualTo("whatsapp:+14155550101");
        assertThat(reply.to()).isEqualTo("whatsapp:+5511988887777");
    }

    @Test
    void aPurchaseFailureIs502WithTwiliosCodeAndTheRetryReusesTheOneSubaccount() {
        createTenant(null);
        twilio.refuseNextPurchase("21422");

        HttpResult failed = gateway.admin("POST", PROVISION, REQUEST);

        assertThat(failed.code()).isEqualTo(502);
        assertThat(failed.errorCode()).isEqualTo("provider_error");
        assertThat(failed.json().path("error").path("providerCode").asText()).isEqualTo("21422");
        assertThat(tenant().whatsapp()).isEmpty();

        HttpResult retried = gateway.admin("POST", PROVISION, REQUEST);

        assertThat(retried.code()).as(retried.body()).isEqualTo(201);
        assertThat(twilio.subaccounts()).hasSize(1);
        assertThat(twilio.calls("POST", SUBACCOUNTS)).hasSize(1);
        assertThat(retried.json().path("subaccountSid").asText())
                .isEqualTo(twilio.subaccounts().get(0).sid());
        assertThat(tenant().whatsapp().orElseThrow().phoneNumber().e164()).isEqualTo("+14155550101");
    }

    @Test
    void aPurchaseWhoseAnswerWasLostIsFoundOnRetryAndNotBoughtAgain() {
        createTenant(null);
        twilio.loseNextPurchaseAnswer();

        assertThat(gateway.admin("POST", PROVISION, REQUEST).code()).isEqualTo(502);
        HttpResult retried = gateway.admin("POST", PROVISION, REQUEST);
        HttpResult repeated = gateway.admin("POST", PROVISION, REQUEST);

        assertThat(retried.code()).isEqualTo(201);
        assertThat(retried.json().path("phoneNumber").asText()).isEqualTo("+14155550101");
        assertThat(repeated.code()).isEqualTo(201);
        assertThat(repeated.json().path("phoneNumber").asText()).isEqualTo("+14155550101");
        assertThat(twilio.calls("POST", "/IncomingPhoneNumbers.json")).hasSize(1);
        assertThat(twilio.subaccounts())
                .singleElement()
                .satisfies(s -> assertThat(s.numbers()).hasSize(1));
    }

    @Test
    void aSubaccountWhoseCreationAnswerWasLostIsFoundByItsFriendlyNameOnRetry() {
        createTenant(null);
        twilio.loseNextSubaccountAnswer();

        assertThat(gateway.admin("POST", PROVISION, REQUEST).code()).isEqualTo(502);
        HttpResult retried = gateway.admin("POST", PROVISION, REQUEST);

        assertThat(retried.code()).as(retried.body()).isEqualTo(201);
        assertThat(twilio.subaccounts()).hasSize(1);
        assertThat(retried.json().path("subaccountSid").asText())
                .isEqualTo(twilio.subaccounts().get(0).sid());
    }

    @Test
    void theSubaccountTokenNeverAppearsAsBytesInTheSqliteFileOrItsWal() {
        createTenant(null);

        assertThat(gateway.admin("POST", PROVISION, REQUEST).code()).isEqualTo(201);

        FakeTwilio.Subaccount sub = twilio.subaccounts().get(0);
        assertThat(DatabaseFiles.contain(dir, sub.sid()))
                .as("the scan sees what was written")
                .isTrue();
        assertThat(DatabaseFiles.contain(dir, sub.authToken())).isFalse();
    }

    @Test
    void aTenantWithAnotherNumberIs409AndTwilioIsNotCalled() {
        createTenant("{\"phoneNumber\":\"+5511999991111\",\"phoneId\":\"100000000000001\",\"provider\":\"facebook\"}");

        HttpResult result = gateway.admin("POST", PROVISION, REQUEST);

        assertThat(result.code()).isEqualTo(409);
        assertThat(result.errorCode()).isEqualTo("tenant_has_number");
        assertThat(twilio.calls()).isEmpty();
        assertThat(gateway.admin("POST", PROVISION, "{\"country\":\"USA\"}").errorCode())
                .isEqualTo("invalid_country");
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
