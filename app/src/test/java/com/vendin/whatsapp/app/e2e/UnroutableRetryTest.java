package com.vendin.whatsapp.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.vendin.whatsapp.app.support.AdminCalls;
import com.vendin.whatsapp.app.support.Eventually;
import com.vendin.whatsapp.app.support.FakeGraph;
import com.vendin.whatsapp.app.support.FakeTenant;
import com.vendin.whatsapp.app.support.HttpResult;
import com.vendin.whatsapp.app.support.MetaPayloads;
import com.vendin.whatsapp.app.support.TestGateway;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CONTRACT §5.4: {@code POST /api/v1/unroutable/{id}/retry} delivers a message once its store or admin phone exists. */
class UnroutableRetryTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PHONE_ID = "100000000000001";
    private static final String DISPLAY = "5511999911111";
    private static final String CUSTOMER = "5511988887777";
    private static final String OWNER = "5511977776666";
    private static final Pattern SIX_DIGITS = Pattern.compile("(?<![0-9])[0-9]{6}(?![0-9])");

    @TempDir
    Path dir;

    private FakeGraph graph;
    private FakeTenant tenant;
    private TestGateway gateway;

    @BeforeEach
    void start() throws Exception {
        graph = new FakeGraph().start();
        tenant = new FakeTenant().start();
        gateway = TestGateway.start(TestGateway.environment(dir, graph.baseUrl()));
    }

    @AfterEach
    void stop() {
        gateway.close();
        tenant.close();
        graph.close();
    }

    @Test
    void givenMessageToAStoreNumberNobodyHadWhenTheStoreIsCreatedAndTheMessageRetriedThenDeliveredOnceAndAnswered() {
        String webhook = MetaPayloads.webhook()
                .text(PHONE_ID, DISPLAY, CUSTOMER, "wamid.U1", "Tem camiseta?")
                .json();
        assertThat(gateway.postMetaWebhook(webhook).code()).isEqualTo(200);
        JsonNode unroutable = onlyUnroutable();
        assertThat(unroutable.path("reason").asText()).isEqualTo("unknown_store_number");
        AdminCalls.createMetaTenant(gateway, "moda-brasil", tenant.url(), "+5511999911111", PHONE_ID, "moda-token");

        HttpResult retried = retry(unroutable.path("id").asText());

        assertThat(retried.code()).as(retried.body()).isEqualTo(202);
        assertThat(retried.json().path("id").asText())
                .isEqualTo(unroutable.path("id").asText());
        assertThat(retried.json().path("state").asText()).isEqualTo("received");
        assertThat(retried.json().path("tenantId").asText()).isEqualTo("moda-brasil");
        assertThat(retried.json().path("role").asText()).isEqualTo("customer");
        assertThat(retried.json().path("threadId").asText()).isEqualTo("+" + CUSTOMER);
        Eventually.within(WAIT, "the reply is sent", () -> graph.sends().size() == 1);
        assertThat(graph.sends().get(0).text()).isEqualTo("Re: Tem camiseta?");
        assertThat(graph.sends().get(0).phoneId()).isEqualTo(PHONE_ID);
        assertThat(tenant.calls()).singleElement().satisfies(call -> {
            assertThat(call.messageId()).isEqualTo("wamid.U1");
            assertThat(call.body().path("role").asText()).isEqualTo("customer");
            assertThat(call.body().path("tenantId").asText()).isEqualTo("moda-brasil");
        });
        assertThat(AdminCalls.items(gateway.admin("GET", "/api/v1/unroutable", null)))
                .isEmpty();

        HttpResult again = retry(unroutable.path("id").asText());
        assertThat(gateway.postMetaWebhook(webhook).code())
                .as("Meta redelivers the original")
                .isEqualTo(200);

        assertThat(again.code()).isEqualTo(404);
        assertThat(again.errorCode()).isEqualTo("unroutable_not_found");
        Eventually.within(
                WAIT,
                "the message is replied",
                () -> AdminCalls.inboundState(gateway, "moda-brasil", "wamid.U1")
                        .equals("replied"));
        assertThat(tenant.calls()).as("never delivered twice").hasSize(1);
        assertThat(graph.sends()).hasSize(1);
    }

    @Test
    void givenUnregisteredOwnerWhenRetriedBeforeAndAfterTheirPhoneIsRegisteredThen409StillUnroutableThenDelivered() {
        AdminCalls.createMetaTenant(gateway, "moda-brasil", tenant.url(), "+5511999911111", PHONE_ID, "moda-token");
        assertThat(gateway.postMetaWebhook(MetaPayloads.webhook()
                                .text(
                                        TestGateway.PLATFORM_PHONE_ID,
                                        "15550001111",
                                        OWNER,
                                        "wamid.A1",
                                        "Vendas de hoje?")
                                .json())
                        .code())
                .isEqualTo(200);
        String id = onlyUnroutable().path("id").asText();

        HttpResult early = retry(id);

        assertThat(early.code()).as(early.body()).isEqualTo(409);
        assertThat(early.errorCode()).isEqualTo("still_unroutable");
        assertThat(early.json().path("error").path("message").asText()).contains("unregistered_admin");
        assertThat(onlyUnroutable().path("id").asText()).as("still listed").isEqualTo(id);

        registerOwner("+" + OWNER);
        HttpResult retried = retry(id);

        assertThat(retried.code()).as(retried.body()).isEqualTo(202);
        assertThat(retried.json().path("role").asText()).isEqualTo("admin");
        Eventually.within(
                WAIT,
                "the owner's message reaches the store",
                () -> tenant.calls().size() == 1);
        assertThat(tenant.calls().get(0).body().path("role").asText()).isEqualTo("admin");
        assertThat(tenant.calls().get(0).messageId()).isEqualTo("wamid.A1");
    }

    @Test
    void givenNoSuchUnroutableMessageWhenRetriedThen404AndWithoutTokenThen401() {
        HttpResult unknown = retry("in-424242");
        HttpResult garbage = retry("not-an-id");
        HttpResult anonymous = TestGateway.execute(new okhttp3.Request.Builder()
                .url(gateway.baseUrl() + "/api/v1/unroutable/in-1/retry")
                .post(okhttp3.RequestBody.create(new byte[0]))
                .build());

        assertThat(unknown.code()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("unroutable_not_found");
        assertThat(garbage.code()).isEqualTo(404);
        assertThat(garbage.errorCode()).isEqualTo("unroutable_not_found");
        assertThat(anonymous.code()).isEqualTo(401);
    }

    private void registerOwner(String phone) {
        int before = graph.sends().size();
        HttpResult asked = gateway.admin(
                "POST",
                "/api/v1/tenants/moda-brasil/admin-phones/verifications",
                "{\"phone\":\"" + phone + "\",\"userId\":\"owner-1\"}");
        assertThat(asked.code()).as(asked.body()).isEqualTo(202);
        Matcher code = SIX_DIGITS.matcher(graph.sends().get(before).text());
        assertThat(code.find()).isTrue();
        HttpResult confirmed = gateway.admin(
                "POST",
                "/api/v1/tenants/moda-brasil/admin-phones",
                "{\"phone\":\"" + phone + "\",\"otp\":\"" + code.group() + "\",\"userId\":\"owner-1\"}");
        assertThat(confirmed.code()).as(confirmed.body()).isEqualTo(201);
    }

    private HttpResult retry(String id) {
        return gateway.admin("POST", "/api/v1/unroutable/" + id + "/retry", null);
    }

    private JsonNode onlyUnroutable() {
        List<JsonNode> items = AdminCalls.items(gateway.admin("GET", "/api/v1/unroutable", null));
        assertThat(items).hasSize(1);
        return items.get(0);
    }
}
