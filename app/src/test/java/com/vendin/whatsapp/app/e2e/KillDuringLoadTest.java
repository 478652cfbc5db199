package com.vendin.whatsapp.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.app.support.Eventually;
import com.vendin.whatsapp.app.support.FakeGraph;
import com.vendin.whatsapp.app.support.FakeTenant;
import com.vendin.whatsapp.app.support.GatewayProcess;
import com.vendin.whatsapp.app.support.MetaPayloads;
import com.vendin.whatsapp.app.support.TestGateway;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code kill -9} in the middle of a 2,000-message run over two tenants, then a restart: every message reaches
 * its tenant and every reply leaves exactly once. A message whose tenant call was on the wire at the instant
 * of the kill may arrive twice: nothing can know whether the tenant saw it (tenants deduplicate on
 * {@code messageId}); every other message arrives exactly once. A reply part whose Graph call was on the wire
 * is not sent again: its lease outlives the crash, and Meta's status webhook, which echoes the part's
 * {@code biz_opaque_callback_data}, records it first. The run takes about 40 to 60 s (parts claimed at the kill
 * wait for their lease).
 */
class KillDuringLoadTest {
    private static final Logger LOG = LoggerFactory.getLogger(KillDuringLoadTest.class);
    private static final int SENDERS = 200;
    private static final int PER_SENDER = 10;
    private static final int TOTAL = SENDERS * PER_SENDER;
    private static final int BATCH = 20;
    /** The gateway's delivery workers: the most tenant calls that can be on the wire at the kill. */
    private static final int DELIVERY_WORKERS = 32;

    @TempDir
    Path dir;

    @Test
    void givenKillMidRunWhenRestartedThenEveryReplySentOnceAndOnlyTenantCallsInFlightArriveTwice() throws Exception {
        try (FakeGraph graph = new FakeGraph().start();
                FakeTenant moda = new FakeTenant().start().delayEveryAnswer(Duration.ofMillis(10));
                FakeTenant tech = new FakeTenant().start().delayEveryAnswer(Duration.ofMillis(10))) {
            Map<String, String> env = TestGateway.environment(dir, graph.baseUrl());
            int port = GatewayProcess.freePort(); // after the fakes took their ports
            graph.echoStatusesTo("http://127.0.0.1:" + port + "/webhooks/whatsapp/facebook", Duration.ofSeconds(120));
            Path log = dir.resolve("gateway.log");
            GatewayProcess first = GatewayProcess.start(env, port, log);
            first.createMetaTenant("moda", moda.url(), "+5511999911111", "101");
            first.createMetaTenant("tech", tech.url(), "+5511999922222", "102");

            for (int k = 0; k < PER_SENDER; k++) {
                for (int s = 0; s < SENDERS; s += BATCH) {
                    MetaPayloads batch = MetaPayloads.webhook();
                    for (int b = s; b < s + BATCH; b++) {
                        boolean toModa = b % 2 == 0;
                        batch.text(
                                toModa ? "101" : "102",
                                toModa ? "5511999911111" : "5511999922222",
                                "5511988" + (100_000 + b),
                                "wamid.S" + b + "-" + k,
                                "m" + b + "-" + k);
                    }
                    assertThat(first.postMetaWebhook(batch.json()).code()).isEqualTo(200);
                }
            }
            Eventually.within(
                    Duration.ofSeconds(60),
                    "the run is under way",
                    () -> moda.accepted().size() + tech.accepted().size() >= TOTAL / 4);
            first.kill();
            int acceptedAtKill = moda.accepted().size() + tech.accepted().size();
            int sentAtKill = graph.sends().size();
            assertThat(sentAtKill).as("killed in the middle of the run").isLessThan(TOTAL);

            try (GatewayProcess second = GatewayProcess.start(env, port, log)) {
                Eventually.within(
                        Duration.ofSeconds(90),
                        "every message reaches its tenant after the restart",
                        () -> distinct(moda, tech).size() == TOTAL);
                Eventually.within(
                        Duration.ofSeconds(60),
                        "every reply is sent",
                        () -> graph.sends().stream()
                                        .map(FakeGraph.Send::text)
                                        .distinct()
                                        .count()
                                == TOTAL);
            }

            List<String> arrivals = java.util.stream.Stream.concat(moda.accepted().stream(), tech.accepted().stream())
                    .map(FakeTenant.Call::messageId)
                    .toList();
            Set<String> twice = duplicates(arrivals);
            List<String> replies =
                    graph.sends().stream().map(FakeGraph.Send::text).toList();
            Set<String> sentTwice = duplicates(replies);
            LOG.info(
                    "kill -9 after {} tenant acceptances and {} sends: {} messages reached their tenant twice, "
                            + "{} replies were sent twice; {} status webhooks delivered so far",
                    acceptedAtKill,
                    sentAtKill,
                    twice.size(),
                    sentTwice.size(),
                    graph.echo().delivered());
            assertThat(distinct(moda, tech)).hasSize(TOTAL);
            assertThat(arrivals.size() - TOTAL)
                    .as("tenant arrivals beyond one per message (accepted at kill: %d)", acceptedAtKill)
                    .isEqualTo(twice.size())
                    .isLessThanOrEqualTo(DELIVERY_WORKERS);
            assertThat(sentTwice)
                    .as("replies sent more than once (sent at kill: %d)", sentAtKill)
                    .isEmpty();
            assertThat(replies).hasSize(TOTAL);
            assertThat(moda.accepted())
                    .allMatch(c -> c.body().path("tenantId").asText().equals("moda"));
            assertThat(tech.accepted())
                    .allMatch(c -> c.body().path("tenantId").asText().equals("tech"));
        }
    }

    private static Set<String> distinct(FakeTenant... tenants) {
        Set<String> ids = new HashSet<>();
        for (FakeTenant t : tenants) {
            t.accepted().forEach(c -> ids.add(c.messageId()));
        }
        return ids;
    }

    private static Set<String> duplicates(List<String> values) {
        return values.stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet()
                .stream()
                .filter(e -> e.getValue() > 1)
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }
}
