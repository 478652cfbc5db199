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
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the gateway does with Graph API failures (CONTRACT §4): retry with backoff, fail for good, re-authorise. */
class ProviderFailuresTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String PHONE_ID = "100000000000001";
    private static final String DISPLAY = "5511999911111";
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
    void givenGraphAnswering130429Then200WhenReplyingThenSentOnceAfterABackoff() {
        graph.failNext(400, 130429);

        post("wamid.R1", "Oi");

        Eventually.within(WAIT, "the reply is accepted", () -> graph.sends().size() == 1);
        assertThat(graph.attempts()).extracting(FakeGraph.Attempt::status).containsExactly(400, 200);
        Duration backoff = Duration.ofNanos(
                graph.attempts().get(1).atNanos() - graph.attempts().get(0).atNanos());
        assertThat(backoff)
                .as("first retry waits, within 3 s")
                .isBetween(Duration.ofMillis(2_000), Duration.ofMillis(3_500));
        Eventually.within(
                WAIT,
                "the reply part is sent",
                () -> reply("Re: Oi")
                        .map(p -> p.path("state").asText())
                        .orElse("")
                        .equals("sent"));
    }

    @Test
    void givenGraphAnswering131047WhenReplyingThenFailedWithThatCodeAndNotRetried() {
        graph.failNext(400, 131047);

        post("wamid.R2", "Oi de novo");

        Eventually.within(
                WAIT,
                "the reply part is failed",
                () -> reply("Re: Oi de novo")
                        .map(p -> p.path("state").asText())
                        .orElse("")
                        .equals("failed"));
        assertThat(reply("Re: Oi de novo").orElseThrow().path("errorCode").asText())
                .isEqualTo("131047");
        long failedAt = System.nanoTime();
        Eventually.within(
                Duration.ofSeconds(5),
                "the first retry would have come by now",
                () -> System.nanoTime() - failedAt > Duration.ofMillis(3_500).toNanos());
        assertThat(graph.attempts()).hasSize(1);
        assertThat(graph.sends()).isEmpty();
    }

    @Test
    void givenGraphAnswering190WhenReplyingThenNumberNeedsReauthNoSendsUntilTheTokenChanges() {
        graph.failNext(401, 190);

        post("wamid.R3", "Um");
        Eventually.within(
                WAIT,
                "the number is marked reauth_required",
                () -> numberStatus().equals("reauth_required"));
        post("wamid.R4", "Dois");
        Eventually.within(
                WAIT,
                "the second reply fails without a send",
                () -> reply("Re: Dois")
                        .map(p -> p.path("state").asText())
                        .orElse("")
                        .equals("failed"));
        assertThat(reply("Re: Um").orElseThrow().path("errorCode").asText()).isEqualTo("190");
        assertThat(graph.attempts())
                .as("only the first reply reached the Graph API")
                .hasSize(1);

        HttpResult patched =
                gateway.admin("PATCH", "/api/v1/tenants/" + TENANT, "{\"whatsapp\":{\"accessToken\":\"fresh-token\"}}");
        assertThat(patched.code()).as(patched.body()).isEqualTo(200);
        assertThat(numberStatus()).isEqualTo("active");
        post("wamid.R5", "Tres");

        Eventually.within(
                WAIT,
                "the reply is sent with the new token",
                () -> graph.sends().size() == 1);
        assertThat(graph.sends().get(0).authorization()).isEqualTo("Bearer fresh-token");
        assertThat(graph.sends().get(0).text()).isEqualTo("Re: Tres");
    }

    private void post(String wamid, String text) {
        assertThat(gateway.postMetaWebhook(MetaPayloads.webhook()
                                .text(PHONE_ID, DISPLAY, "5511988887777", wamid, text)
                                .json())
                        .code())
                .isEqualTo(200);
    }

    private Optional<JsonNode> reply(String text) {
        return AdminCalls.messages(gateway, TENANT).stream()
                .filter(m -> m.path("direction").asText().equals("outbound")
                        && m.path("text").asText().equals(text))
                .findFirst();
    }

    private String numberStatus() {
        return gateway.admin("GET", "/api/v1/tenants/" + TENANT, null)
                .json()
                .path("whatsapp")
                .path("status")
                .asText();
    }
}
