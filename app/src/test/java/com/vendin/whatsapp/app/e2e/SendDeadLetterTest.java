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
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CONTRACT §5.4: a reply part that failed at the provider is a dead letter of kind {@code send}; its retry sends it once more. */
class SendDeadLetterTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PHONE_ID = "100000000000001";
    private static final String DISPLAY = "5511999911111";
    private static final String CUSTOMER = "5511988887777";
    private static final String TENANT = "moda-brasil";

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
        AdminCalls.createMetaTenant(gateway, TENANT, tenant.url(), "+5511999911111", PHONE_ID, "moda-token");
    }

    @AfterEach
    void stop() {
        gateway.close();
        tenant.close();
        graph.close();
    }

    @Test
    void givenReplyPartRefusedByMetaWhenListedAndRetriedThenSentOnceMoreAndNeverAgainOnceAccepted() {
        graph.failNext(400, 131026);
        assertThat(gateway.postMetaWebhook(MetaPayloads.webhook()
                                .text(PHONE_ID, DISPLAY, CUSTOMER, "wamid.S1", "Oi")
                                .json())
                        .code())
                .isEqualTo(200);
        Eventually.within(
                WAIT,
                "the part is failed",
                () -> part().map(p -> p.path("state").asText())
                        .filter("failed"::equals)
                        .isPresent());

        List<JsonNode> dead = AdminCalls.items(gateway.admin("GET", "/api/v1/dead-letters", null));

        String partId = part().orElseThrow().path("id").asText();
        assertThat(dead).singleElement().satisfies(d -> {
            assertThat(d.path("id").asText()).isEqualTo(partId).startsWith("out-");
            assertThat(d.path("kind").asText()).isEqualTo("send");
            assertThat(d.path("tenantId").asText()).isEqualTo(TENANT);
            assertThat(d.path("text").asText()).isEqualTo("Re: Oi");
            assertThat(d.path("to").asText()).isEqualTo(CUSTOMER);
            assertThat(d.path("providerMessageId").asText()).isEqualTo("wamid.S1");
            assertThat(d.path("lastError").asText()).contains("131026");
            assertThat(d.path("attempts").asInt()).isEqualTo(1);
        });
        assertThat(graph.sends()).isEmpty();

        HttpResult retry = gateway.admin("POST", "/api/v1/dead-letters/" + partId + "/retry", null);

        assertThat(retry.code()).as(retry.body()).isEqualTo(202);
        assertThat(retry.json().path("state").asText()).isEqualTo("pending");
        Eventually.within(
                WAIT, "the part is sent again and accepted", () -> graph.sends().size() == 1);
        assertThat(graph.sends().get(0).text()).isEqualTo("Re: Oi");
        assertThat(graph.sends().get(0).to()).isEqualTo(CUSTOMER);
        Eventually.within(
                WAIT,
                "the part is sent",
                () -> part().map(p -> p.path("state").asText())
                        .filter("sent"::equals)
                        .isPresent());
        assertThat(AdminCalls.items(gateway.admin("GET", "/api/v1/dead-letters", null)))
                .isEmpty();

        HttpResult again = gateway.admin("POST", "/api/v1/dead-letters/" + partId + "/retry", null);

        assertThat(again.code()).as("an accepted part is never sent again").isEqualTo(404);
        assertThat(again.errorCode()).isEqualTo("dead_letter_not_found");
        assertThat(graph.attempts()).as("one refused send, one accepted").hasSize(2);
        assertThat(tenant.calls()).as("the tenant is not asked again").hasSize(1);
    }

    @Test
    void givenDeadMessageAndFailedPartWhenListedThenBothWithTheirKind() {
        graph.failNext(400, 131026);
        assertThat(gateway.postMetaWebhook(MetaPayloads.webhook()
                                .text(PHONE_ID, DISPLAY, CUSTOMER, "wamid.S2", "Oi")
                                .json())
                        .code())
                .isEqualTo(200);
        Eventually.within(
                WAIT,
                "the part is failed",
                () -> part().map(p -> p.path("state").asText())
                        .filter("failed"::equals)
                        .isPresent());
        tenant.answerStatus(body -> 400);
        assertThat(gateway.postMetaWebhook(MetaPayloads.webhook()
                                .text(PHONE_ID, DISPLAY, "5511977776666", "wamid.D2", "Oi")
                                .json())
                        .code())
                .isEqualTo(200);
        Eventually.within(
                WAIT,
                "the message is dead",
                () -> AdminCalls.inboundState(gateway, TENANT, "wamid.D2").equals("dead"));

        List<JsonNode> dead = AdminCalls.items(gateway.admin("GET", "/api/v1/dead-letters", null));

        assertThat(dead)
                .extracting(d -> d.path("kind").asText() + " "
                        + d.path("providerMessageId").asText())
                .containsExactly("delivery wamid.D2", "send wamid.S2");
    }

    private Optional<JsonNode> part() {
        return AdminCalls.messages(gateway, TENANT).stream()
                .filter(m -> m.path("direction").asText().equals("outbound"))
                .findFirst();
    }
}
