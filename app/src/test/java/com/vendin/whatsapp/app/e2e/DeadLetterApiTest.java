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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tenant that answers 400 gets its message dead-lettered at once; an operator retries it once the tenant is fixed. */
class DeadLetterApiTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PHONE_ID = "100000000000001";
    private static final String DISPLAY = "5511999911111";

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
        AdminCalls.createMetaTenant(gateway, "moda-brasil", tenant.url(), "+5511999911111", PHONE_ID, "moda-token");
    }

    @AfterEach
    void stop() {
        gateway.close();
        tenant.close();
        graph.close();
    }

    @Test
    void givenTenantAnswering400WhenMessageArrivesThenDeadAtOnceAndAfterRetryWithFixedTenantDelivered() {
        tenant.answerStatus(body -> 400);
        assertThat(gateway.postMetaWebhook(MetaPayloads.webhook()
                                .text(PHONE_ID, DISPLAY, "5511988887777", "wamid.D1", "Oi")
                                .json())
                        .code())
                .isEqualTo(200);

        Eventually.within(
                WAIT,
                "the message is dead",
                () -> AdminCalls.inboundState(gateway, "moda-brasil", "wamid.D1")
                        .equals("dead"));
        assertThat(tenant.calls()).as("a 400 is not retried").hasSize(1);
        List<JsonNode> dead = AdminCalls.items(gateway.admin("GET", "/api/v1/dead-letters", null));
        assertThat(dead).singleElement().satisfies(d -> {
            assertThat(d.path("providerMessageId").asText()).isEqualTo("wamid.D1");
            assertThat(d.path("tenantId").asText()).isEqualTo("moda-brasil");
            assertThat(d.path("attempts").asInt()).isEqualTo(1);
            assertThat(d.path("lastError").asText()).contains("400");
        });

        tenant.answerStatus(body -> 200);
        HttpResult retry = gateway.admin(
                "POST", "/api/v1/dead-letters/" + dead.get(0).path("id").asText() + "/retry", null);

        assertThat(retry.code()).as(retry.body()).isEqualTo(202);
        Eventually.within(
                WAIT,
                "the retried message is delivered and answered",
                () -> graph.sends().size() == 1);
        assertThat(tenant.accepted()).extracting(FakeTenant.Call::messageId).containsExactly("wamid.D1");
        assertThat(graph.sends().get(0).text()).isEqualTo("Re: Oi");
        assertThat(AdminCalls.items(gateway.admin("GET", "/api/v1/dead-letters", null)))
                .isEmpty();
    }

    @Test
    void givenNoSuchDeadLetterWhenRetriedThen404() {
        HttpResult unknown = gateway.admin("POST", "/api/v1/dead-letters/in-424242/retry", null);
        HttpResult garbage = gateway.admin("POST", "/api/v1/dead-letters/not-an-id/retry", null);

        assertThat(unknown.code()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("dead_letter_not_found");
        assertThat(garbage.code()).isEqualTo(404);
    }

    @Test
    void givenNoTokenWhenDeadLettersListedThen401() {
        HttpResult anonymous = gateway.get("/api/v1/dead-letters");

        assertThat(anonymous.code()).isEqualTo(401);
    }
}
