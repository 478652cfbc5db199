package com.vendin.whatsapp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one command of docs/BENCHMARKS.md in a tiny mode: the shaded jar against app's fat jar, a bare run,
 * a synchronous-handler run and two gateway runs (tenants through the admin API, and written to the
 * database), short phases; checks that every figure, issue 15's SQLite rows (not their PASS: the run is tiny),
 * issue 7's rows that stay, the synchronous handler's rate and the per-message budget are reported.
 */
class BenchmarkSmokeIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void givenTinyRunWhenBenchmarkRunsThenEveryFigureIsThereAndEveryMessageGotExactlyOneReply(@TempDir Path dir)
            throws Exception {
        Path out = dir.resolve("results");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty("benchmarks.jar"),
                "--gateway-jar",
                System.getProperty("gateway.jar"),
                "--tenants",
                "3,40",
                "--api-seed-limit",
                "10",
                "--duration",
                "1s",
                "--warmup",
                "300ms",
                "--warmup-messages",
                "100",
                "--e2e-messages",
                "200",
                "--connections",
                "8",
                "--latency-rate",
                "100",
                "--gateway-latency-rate",
                "50",
                "--jvm-opts",
                "-Xmx128m -XX:TieredStopAtLevel=1",
                "--out",
                out.toString()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("runner.log").toFile())
                .start();
        boolean finished = process.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String log = Files.readString(dir.resolve("runner.log"));
        assertThat(finished)
                .as("the runner finished in time; its output:\n%s", log)
                .isTrue();
        assertThat(process.exitValue()).as("exit code; output:\n%s", log).isZero();

        JsonNode results = JSON.readTree(dir.resolve("results.json").toFile());
        assertThat(results.at("/bare/ackThroughput/perSecond").asDouble()).isPositive();
        assertThat(results.at("/bare/ackLatency/ms/p99").isNumber()).isTrue();
        assertThat(results.at("/syncHandler/endToEnd/messagesPerSecond").asDouble())
                .as("the synchronous handler's end-to-end rate")
                .isPositive();
        assertThat(results.at("/syncHandler/endToEnd/cpuMsPerMessage").asDouble())
                .isPositive();
        assertThat(results.at("/syncHandler/messages/notAcked").asLong()).isZero();
        assertThat(results.at("/syncHandler/messages/ackedWithoutReply").asLong())
                .isZero();
        assertThat(results.at("/syncHandler/messages/repeatedReplies").asLong()).isZero();
        assertThat(results.at("/syncHandler/messages/graphSends").asLong())
                .isEqualTo(results.at("/syncHandler/messages/sent").asLong());
        assertThat(results.get("gateway")).hasSize(2);
        for (JsonNode run : results.get("gateway")) {
            assertThat(run.at("/startupMillis").asLong()).isPositive();
            assertThat(run.at("/ackThroughput/perSecond").asDouble()).isPositive();
            assertThat(run.at("/ackThroughput/cpu/serverCores").isNumber()).isTrue();
            assertThat(run.at("/ackThroughput/closedLoopLatencyMs/p50").asDouble())
                    .as("closed-loop ack latency")
                    .isPositive();
            assertThat(run.at("/ackThroughput/closedLoopLatencyMs/p99").asDouble())
                    .isGreaterThanOrEqualTo(
                            run.at("/ackThroughput/closedLoopLatencyMs/p50").asDouble());
            assertThat(run.at("/ackThroughput/closedLoopP99OverP50").asDouble()).isGreaterThanOrEqualTo(1.0);
            assertThat(run.at("/ackThroughputRatioToBare").asDouble()).isPositive();
            assertThat(run.at("/ackLatency/ms/p50").isNumber()).isTrue();
            assertThat(run.at("/ackLatency/ms/p99").isNumber()).isTrue();
            assertThat(run.at("/ackLatencyAtGatewayRate/ms/p99").isNumber()).isTrue();
            assertThat(run.at("/endToEnd/messagesPerSecond").asDouble()).isPositive();
            assertThat(run.at("/peakRssMB").asDouble()).isPositive();
            assertThat(run.at("/endToEndRatioToSyncHandler").asDouble()).isPositive();
            for (String budget : List.of("/budget", "/budgetWholeRun")) {
                assertThat(run.at(budget + "/messages").asLong()).isPositive();
                assertThat(run.at(budget + "/cpuMsPerMessage").asDouble()).isPositive();
                assertThat(run.at(budget + "/databaseCommitsPerMessage").asDouble())
                        .isPositive();
                assertThat(run.at(budget + "/writeTransactionsPerMessage").asDouble())
                        .isGreaterThanOrEqualTo(
                                run.at(budget + "/databaseCommitsPerMessage").asDouble());
                JsonNode byPurpose = run.at(budget + "/writeTransactionsPerMessageByPurpose");
                for (String purpose : List.of("webhook", "claim", "tenant_result", "send_claim", "send_result")) {
                    assertThat(byPurpose.path(purpose).asDouble())
                            .as("%s writes per message in %s", purpose, budget)
                            .isPositive();
                }
                assertThat(byPurpose.path("tenant_result").asDouble())
                        .as("one tenant result per message (each got its reply)")
                        .isGreaterThanOrEqualTo(0.99);
            }
            long sent = run.at("/messages/sent").asLong();
            assertThat(sent).isGreaterThanOrEqualTo(200 + 100);
            assertThat(run.at("/messages/notAcked").asLong()).isZero();
            assertThat(run.at("/messages/ackedWithoutReply").asLong()).isZero();
            assertThat(run.at("/messages/repeatedReplies").asLong()).isZero();
            assertThat(run.at("/messages/graphSends").asLong()).isEqualTo(sent);
            assertThat(run.at("/gatewayOutcomes/accepted").asLong()).isEqualTo(sent);
            assertThat(run.at("/gatewayOutcomes/rate_limited").asLong(0)).isZero();
        }
        assertThat(results.at("/gateway/0/seededThrough").asText()).isEqualTo("admin API");
        assertThat(results.at("/gateway/1/seededThrough").asText()).startsWith("database");
        assertThat(results.at("/targetsDatabase").asText()).isEqualTo("SQLite");
        List<String> targets = new ArrayList<>();
        results.get("targets").forEach(t -> {
            targets.add(t.get("issue").asText() + " " + t.get("target").asText());
            assertThat(t.get("status").asText()).isIn("PASS", "MISS");
            assertThat(t.get("limit").isNumber()).as("limit of %s", t).isTrue();
            assertThat(t.get("figure").asText()).isNotBlank();
        });
        assertThat(String.join("\n", targets))
                .contains(
                        "15 SQLite: end to end >= 3,000 msg/s",
                        "15 SQLite: acks (closed loop) >= 25% of the bare endpoint's in the same run",
                        "15 SQLite: ack p99 <= 25 ms at half the gateway's own throughput",
                        "15 closed-loop tail: ack p99 <= 5x p50 in the ack-throughput phase",
                        "15 end to end >= the synchronous handler's",
                        "15 synchronous handler: every webhook answered 200",
                        "7 p99 ack latency with many tenants <= 1.2x",
                        "7 start-up",
                        "7 peak RSS",
                        "7, 15 every webhook acked, every message exactly one reply")
                .as("issue 7's targets that issue 15 replaced, and PostgreSQL's on an SQLite run")
                .doesNotContain("2,000 msg/s", ">= 50% of the bare", "PostgreSQL");
        assertThat(results.get("targets"))
                .filteredOn(t -> t.get("target").asText().startsWith("closed-loop tail"))
                .hasSize(2)
                .allMatch(t -> t.get("value").asDouble() >= 1.0);
        assertThat(Files.readString(dir.resolve("results.md"))).contains("| issue | target | figure |");
        assertThat(log)
                .contains(
                        "PASS",
                        "Targets of this run on SQLite",
                        "closed-loop tail",
                        "every webhook acked",
                        "Per-message budget of the gateway",
                        "synchronous handler");
        assertThat(Files.readString(dir.resolve("results.md"))).contains("write transactions", "ms gateway CPU");
    }
}
