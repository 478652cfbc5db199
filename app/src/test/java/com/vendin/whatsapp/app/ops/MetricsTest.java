package com.vendin.whatsapp.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.app.support.AdminCalls;
import com.vendin.whatsapp.app.support.Eventually;
import com.vendin.whatsapp.app.support.FakeGraph;
import com.vendin.whatsapp.app.support.FakeTenant;
import com.vendin.whatsapp.app.support.HttpResult;
import com.vendin.whatsapp.app.support.MetaPayloads;
import com.vendin.whatsapp.app.support.TestGateway;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /metrics} answers Prometheus text whose counters move as messages of each outcome go through. */
class MetricsTest {
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
        Map<String, String> env = TestGateway.environment(dir, graph.baseUrl());
        env.put("GATEWAY_RATE_LIMIT_PER_MINUTE", "3");
        gateway = TestGateway.start(env);
        AdminCalls.createMetaTenant(gateway, "moda-brasil", tenant.url(), "+5511999911111", PHONE_ID, "moda-token");
    }

    @AfterEach
    void stop() {
        gateway.close();
        tenant.close();
        graph.close();
    }

    @Test
    void givenMessagesOfEveryOutcomeWhenScrapedThenEachCounterMoved() {
        String before = scrape();
        assertThat(before).contains("# TYPE gateway_delivery_latency_seconds histogram");
        assertThat(value(before, "gateway_webhook_messages_total", "outcome=\"accepted\",provider=\"facebook\""))
                .isZero();
        tenant.answerStatus(body -> switch (body.path("message").asText()) {
            case "dead" -> 400;
            case "busy" -> 503;
            default -> 200;
        });
        graph.failNext(400, 131047);

        webhook(MetaPayloads.webhook().text(PHONE_ID, DISPLAY, "5511911110001", "wamid.M1", "Oi"));
        webhook(MetaPayloads.webhook().text(PHONE_ID, DISPLAY, "5511911110001", "wamid.M1", "Oi"));
        webhook(MetaPayloads.webhook().text("199999999999999", "5511955550000", "5511911110002", "wamid.M2", "?"));
        webhook(MetaPayloads.webhook().text(PHONE_ID, DISPLAY, "5511911110003", "wamid.M3", "dead"));
        webhook(MetaPayloads.webhook().text(PHONE_ID, DISPLAY, "5511911110004", "wamid.M4", "busy"));
        for (int i = 0; i < 4; i++) {
            webhook(MetaPayloads.webhook().text(PHONE_ID, DISPLAY, "5511911110005", "wamid.R" + i, "x"));
        }

        Eventually.within(WAIT, "the deliveries and the send ran", () -> {
            String now = scrape();
            return value(now, "gateway_dead_letters_total", "") >= 1
                    && value(now, "gateway_delivery_retries_total", "") >= 1
                    && value(
                                    now,
                                    "gateway_send_errors_total",
                                    "code=\"131047\",provider=\"facebook\",retryable=\"false\"")
                            == 1
                    && value(now, "gateway_deliveries_total", "outcome=\"forwarded\"") >= 4
                    && value(now, "gateway_sends_total", "outcome=\"accepted\",provider=\"facebook\"") == 3;
        });
        String after = scrape();
        assertThat(value(after, "gateway_webhook_messages_total", "outcome=\"accepted\",provider=\"facebook\""))
                .isEqualTo(6);
        assertThat(value(after, "gateway_webhook_messages_total", "outcome=\"duplicate\",provider=\"facebook\""))
                .isEqualTo(1);
        assertThat(value(after, "gateway_webhook_messages_total", "outcome=\"unroutable\",provider=\"facebook\""))
                .isEqualTo(1);
        assertThat(value(after, "gateway_webhook_messages_total", "outcome=\"rate_limited\",provider=\"facebook\""))
                .isEqualTo(1);
        assertThat(value(after, "gateway_routing_total", "outcome=\"routed\"")).isEqualTo(7);
        assertThat(value(after, "gateway_routing_total", "outcome=\"unroutable\""))
                .isEqualTo(1);
        assertThat(value(after, "gateway_webhook_requests_total", "provider=\"facebook\",status=\"200\""))
                .isEqualTo(9);
        assertThat(value(after, "gateway_delivery_latency_seconds_count", "")).isGreaterThanOrEqualTo(4);
        assertThat(value(after, "gateway_queue_depth", "queue=\"deliveries\""))
                .as("the busy message waits to retry")
                .isEqualTo(1);
        assertThat(value(after, "gateway_queue_depth", "queue=\"sends\"")).isZero();
        assertThat(value(after, "gateway_db_write_transactions_total", "purpose=\"webhook\""))
                .as("one write per recorded webhook: 6 accepted, the rate-limited one and the unroutable one")
                .isGreaterThanOrEqualTo(
                        value(before, "gateway_db_write_transactions_total", "purpose=\"webhook\"") + 6);
        assertThat(value(after, "gateway_db_write_transactions_total", "purpose=\"claim\""))
                .isPositive();
        assertThat(value(after, "gateway_db_write_transactions_total", "purpose=\"tenant_result\""))
                .as("forwarded, retried or dead-lettered: one write each")
                .isGreaterThanOrEqualTo(6);
        assertThat(value(after, "gateway_db_write_transactions_total", "purpose=\"send_claim\""))
                .isPositive();
        assertThat(value(after, "gateway_db_write_transactions_total", "purpose=\"send_result\""))
                .as("3 accepted sends and 1 refused")
                .isGreaterThanOrEqualTo(4);
        assertThat(value(after, "gateway_db_write_transactions_total", "purpose=\"identity\""))
                .isPositive();
        assertThat(value(after, "gateway_db_commits_total", "")).isPositive();
        assertThat(after).contains("gateway_db_write_transactions_total{purpose=\"other\"}");
    }

    @Test
    void givenWrongSignatureWhenScrapedThenRefusedWebhookCountedAs401() {
        HttpResult refused = gateway.postMetaWebhook("{}".getBytes(), "sha256=00");

        assertThat(refused.code()).isEqualTo(401);
        assertThat(value(scrape(), "gateway_webhook_requests_total", "provider=\"facebook\",status=\"401\""))
                .isEqualTo(1);
    }

    private void webhook(MetaPayloads payload) {
        assertThat(gateway.postMetaWebhook(payload.json()).code()).isEqualTo(200);
    }

    private String scrape() {
        HttpResult metrics = gateway.get("/metrics");
        assertThat(metrics.code()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        return metrics.body();
    }

    /** The sample {@code name{labels}} (labels in Prometheus' alphabetical order), 0 when absent. */
    static double value(String scrape, String name, String labels) {
        String series = labels.isEmpty() ? Pattern.quote(name) : Pattern.quote(name + "{" + labels + "}");
        Matcher m = Pattern.compile("(?m)^" + series + " ([0-9.eE+-]+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
