package com.vendin.whatsapp.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.app.support.Eventually;
import com.vendin.whatsapp.app.support.FakeGraph;
import com.vendin.whatsapp.app.support.FakeTenant;
import com.vendin.whatsapp.app.support.FakeTwilio;
import com.vendin.whatsapp.app.support.HttpResult;
import com.vendin.whatsapp.app.support.TestGateway;
import com.vendin.whatsapp.app.support.TwilioPayloads;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CONTRACT §5.1: {@code whatsapp.phoneId} of a Twilio number is its phone number SID ({@code PN...}), stored and shown. */
class TwilioPhoneIdTest {
    private static final String STORE = "+551140049999";
    private static final String NUMBER_SID = "PN0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    private FakeGraph graph;
    private FakeTwilio twilio;
    private FakeTenant tenant;
    private TestGateway gateway;

    @BeforeEach
    void start() throws Exception {
        graph = new FakeGraph().start();
        twilio = new FakeTwilio().start();
        tenant = new FakeTenant().start();
        gateway = TestGateway.start(TestGateway.environment(dir, graph.baseUrl(), twilio.baseUrl()));
    }

    @AfterEach
    void stop() {
        gateway.close();
        tenant.close();
        twilio.close();
        graph.close();
    }

    @Test
    void givenTwilioNumberWithItsNumberSidWhenCreatedThenStoredShownKeptOnPatchAndMessagesStillRoute() {
        HttpResult created = create("cafe", "\"" + NUMBER_SID + "\"");

        assertThat(created.code()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("whatsapp").path("phoneId").asText()).isEqualTo(NUMBER_SID);
        HttpResult read = gateway.admin("GET", "/api/v1/tenants/cafe", null);
        assertThat(read.json().path("whatsapp").path("phoneId").asText()).isEqualTo(NUMBER_SID);
        assertThat(read.json().path("whatsapp").path("provider").asText()).isEqualTo("twilio");
        HttpResult patched =
                gateway.admin("PATCH", "/api/v1/tenants/cafe", "{\"instanceUrl\":\"" + tenant.url() + "\"}");
        assertThat(patched.json().path("whatsapp").path("phoneId").asText()).isEqualTo(NUMBER_SID);

        TwilioPayloads message = TwilioPayloads.message(
                        "SM00000000000000000000000000000071", "+5511987654321", STORE, TwilioPayloads.MAIN_ACCOUNT_SID)
                .put("MessageType", "text")
                .put("Body", "Oi");
        assertThat(gateway.postTwilioWebhook(message, TestGateway.TWILIO_MAIN_TOKEN)
                        .code())
                .isEqualTo(200);
        Eventually.within(
                Duration.ofSeconds(10),
                "the store is called",
                () -> tenant.calls().size() == 1);
        assertThat(tenant.calls().get(0).body().path("tenantId").asText()).isEqualTo("cafe");
    }

    @Test
    void aSendToTheBsuidOfACustomerWhoWroteWithPhoneAndBsuidUsesTheirThreadOnATwilioNumberWithItsSid() {
        assertThat(create("cafe", "\"" + NUMBER_SID + "\"").code()).isEqualTo(201);
        TwilioPayloads message = TwilioPayloads.message(
                        "SM00000000000000000000000000000072", "+5511987654321", STORE, TwilioPayloads.MAIN_ACCOUNT_SID)
                .put("MessageType", "text")
                .put("ExternalUserId", "whatsapp:BR.1234567890")
                .put("Body", "Oi");
        assertThat(gateway.postTwilioWebhook(message, TestGateway.TWILIO_MAIN_TOKEN)
                        .code())
                .isEqualTo(200);
        Eventually.within(
                Duration.ofSeconds(10),
                "the store is called",
                () -> tenant.calls().size() == 1);
        assertThat(tenant.calls().get(0).body().path("threadId").asText()).isEqualTo("+5511987654321");

        // the customer wrote a moment ago: the 24-hour window is open whichever of their ids the store uses
        HttpResult sent = gateway.admin(
                "POST",
                "/api/v1/tenants/cafe/messages",
                "{\"to\":\"BR.1234567890\",\"messages\":[{\"type\":\"text\",\"text\":\"Seu pedido saiu!\"}]}");

        assertThat(sent.code()).as(sent.body()).isEqualTo(202);
        Eventually.within(
                Duration.ofSeconds(10),
                "the message is sent",
                () -> twilio.sends().stream().anyMatch(s -> s.body().equals("Seu pedido saiu!")));
        HttpResult messages = gateway.admin("GET", "/api/v1/tenants/cafe/messages", null);
        assertThat(messages.json().path("items").findValuesAsText("threadId")).containsOnly("+5511987654321");
    }

    @Test
    void givenTwilioPhoneIdThatIsNotANumberSidWhenCreatedOrPatchedThen400NamingTheField() {
        for (String bad : new String[] {
            "\"100000000000001\"",
            "\"PN0123\"",
            "\"AC0123456789abcdef0123456789abcdef\"",
            "\"PN0123456789abcdef0123456789abcdeg\"",
            "\"\""
        }) {
            HttpResult rejected = create("cafe", bad);

            assertThat(rejected.code()).as(bad + ": " + rejected.body()).isEqualTo(400);
            assertThat(rejected.json().path("error").path("message").asText())
                    .as(bad)
                    .contains("whatsapp.phoneId");
        }
        assertThat(gateway.admin("GET", "/api/v1/tenants/cafe", null).code()).isEqualTo(404);

        assertThat(create("cafe", null).code()).isEqualTo(201);
        HttpResult patched = gateway.admin("PATCH", "/api/v1/tenants/cafe", "{\"whatsapp\":{\"phoneId\":\"PN12\"}}");
        assertThat(patched.code()).as(patched.body()).isEqualTo(400);
        assertThat(gateway.admin("GET", "/api/v1/tenants/cafe", null)
                        .json()
                        .path("whatsapp")
                        .path("phoneId")
                        .isNull())
                .isTrue();
    }

    private HttpResult create(String id, String phoneIdJson) {
        String phoneId = phoneIdJson == null ? "" : ",\"phoneId\":" + phoneIdJson;
        return gateway.admin(
                "POST",
                "/api/v1/tenants",
                "{\"id\":\"" + id + "\",\"subdomain\":\"" + id + "\","
                        + "\"instanceUrl\":\"" + tenant.url() + "\",\"whatsapp\":{\"phoneNumber\":\"" + STORE + "\","
                        + "\"provider\":\"twilio\"" + phoneId + "}}");
    }
}
