package com.vendin.whatsapp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which of issue 15's targets a run is held to (SQLite or PostgreSQL rows), where each row's limit lies,
 * and that a part left out with a {@code --skip-...} option shows SKIP, not MISS. The smoke run
 * (BenchmarkSmokeIT) covers the rows of a real SQLite run; this covers the PostgreSQL rows and the limits,
 * which a tiny run cannot reach.
 */
class TargetsTest {

    @Test
    void givenPostgresqlUrlWhenEvaluatedThenPostgresqlRowsApplyAndSqliteRowsDoNot() {
        String database = Targets.database(Optional.of("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres"));

        List<Map<String, Object>> rows =
                Targets.evaluate(database, bare(10_000), sync(2_000), List.of(run(10, 1_000, 3_000, 4.0)));

        assertThat(database).isEqualTo(Targets.POSTGRESQL);
        assertThat(status(rows, "PostgreSQL: end to end >= 1,000 msg/s")).isEqualTo("PASS");
        assertThat(status(rows, "PostgreSQL: acks (closed loop) >= 3,000/s")).isEqualTo("PASS");
        assertThat(status(rows, "every webhook acked")).isEqualTo("PASS");
        assertThat(rows).noneMatch(r -> r.get("target").toString().startsWith("SQLite"));
    }

    @Test
    void givenNoUrlWhenEvaluatedThenSqliteRowsApplyAtTheirLimits() {
        String database = Targets.database(Optional.empty());

        List<Map<String, Object>> atLimits =
                Targets.evaluate(database, bare(10_000), sync(2_000), List.of(run(10, 3_000, 2_500, 5.0)));
        List<Map<String, Object>> belowLimits =
                Targets.evaluate(database, bare(10_000), sync(4_000), List.of(run(10, 2_999, 2_499, 5.1)));

        assertThat(database).isEqualTo(Targets.SQLITE);
        for (String target : List.of(
                "SQLite: end to end >= 3,000 msg/s",
                "SQLite: acks (closed loop) >= 25% of the bare endpoint's",
                "closed-loop tail: ack p99 <= 5x p50",
                "end to end >= the synchronous handler's")) {
            assertThat(status(atLimits, target)).as(target).isEqualTo("PASS");
            assertThat(status(belowLimits, target)).as(target).isEqualTo("MISS");
        }
        assertThat(atLimits).noneMatch(r -> r.get("target").toString().startsWith("PostgreSQL"));
        assertThat(row(atLimits, "closed-loop tail"))
                .containsEntry("value", 5.0)
                .containsEntry("issue", "15");
        assertThat(row(atLimits, "start-up")).containsEntry("issue", "7");
    }

    @Test
    void givenSkippedBareAndSyncHandlerWhenEvaluatedThenTheirRowsShowSkip() {
        Map<String, Object> run = run(10, 3_000, 2_500, 2.0);
        run.put("ackLatency", Targets.skippedBy("--skip-bare"));

        List<Map<String, Object>> rows = Targets.evaluate(
                Targets.SQLITE,
                Targets.skippedBy("--skip-bare"),
                Targets.skippedBy("--skip-sync-handler"),
                List.of(run, run(100_000, 3_000, 2_500, 2.0)));

        assertThat(status(rows, "SQLite: acks (closed loop) >= 25%")).isEqualTo("SKIP");
        assertThat(status(rows, "end to end >= the synchronous handler's")).isEqualTo("SKIP");
        assertThat(row(rows, "end to end >= the synchronous handler's")
                        .get("figure")
                        .toString())
                .contains("--skip-sync-handler");
        assertThat(rows)
                .filteredOn(r -> r.get("target").toString().contains("many tenants"))
                .extracting(r -> r.get("status"))
                .containsExactly("PASS", "SKIP");
        assertThat(status(rows, "SQLite: end to end >= 3,000 msg/s")).isEqualTo("PASS");
    }

    private static String status(List<Map<String, Object>> rows, String targetPrefix) {
        return row(rows, targetPrefix).get("status").toString();
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, String targetPrefix) {
        return rows.stream()
                .filter(r -> r.get("target").toString().startsWith(targetPrefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + targetPrefix + " in " + rows));
    }

    private static Map<String, Object> bare(double perSecond) {
        return map("ackThroughput", map("perSecond", perSecond));
    }

    private static Map<String, Object> sync(double endToEnd) {
        Map<String, Object> sync = map("endToEnd", map("messagesPerSecond", endToEnd));
        sync.put("tenants", 10);
        sync.put("messages", messages());
        return sync;
    }

    /** A gateway run's figures as GatewayRun puts them, with p50 1 ms and p99 {@code tailRatio} ms closed loop. */
    private static Map<String, Object> run(int tenants, double endToEnd, double acks, double tailRatio) {
        Map<String, Object> run = map("tenants", tenants);
        Map<String, Object> throughput = map("perSecond", acks);
        throughput.put("connections", 64);
        Map<String, Object> closed = map("p50", 1.0);
        closed.put("p99", tailRatio);
        throughput.put("closedLoopLatencyMs", closed);
        throughput.put("closedLoopP99OverP50", tailRatio);
        run.put("ackThroughput", throughput);
        run.put("ackLatencyAtGatewayRate", latency(10.0));
        run.put("ackLatency", latency(10.0));
        run.put("endToEnd", map("messagesPerSecond", endToEnd));
        run.put("startupMillis", 1_000L);
        run.put("seededThrough", "admin API");
        run.put("peakRssMB", 200.0);
        run.put("messages", messages());
        run.put("gatewayOutcomes", map("accepted", 100L));
        return run;
    }

    private static Map<String, Object> latency(double p99) {
        Map<String, Object> ms = map("p50", 1.0);
        ms.put("p99", p99);
        Map<String, Object> latency = map("ms", ms);
        latency.put("unsent", 0L);
        latency.put("offeredPerSecond", 1_000.0);
        latency.put("achievedPerSecond", 1_000.0);
        latency.put("rateBasis", "--gateway-latency-rate");
        return latency;
    }

    private static Map<String, Object> messages() {
        Map<String, Object> m = map("sent", 100L);
        m.put("notAcked", 0L);
        m.put("ackedWithoutReply", 0L);
        m.put("repeatedReplies", 0L);
        return m;
    }

    private static Map<String, Object> map(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, value);
        return m;
    }
}
