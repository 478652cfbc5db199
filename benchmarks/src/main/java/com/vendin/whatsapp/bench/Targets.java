package com.vendin.whatsapp.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The targets this run is held to, each with the figure it measured and PASS, MISS or SKIP (the part that
 * measures it was left out with a {@code --skip-...} option). Issue 15's rows depend on the database of
 * the run (SQLite or PostgreSQL) and replace issue 7's throughput, end-to-end and latency targets; issue
 * 7's start-up, RSS and routing rows stay, and so does the exactly-once check of every run.
 */
final class Targets {
    static final String SQLITE = "SQLite";
    static final String POSTGRESQL = "PostgreSQL";

    /** Issue 15: SQLite end to end, messages per second. */
    static final double SQLITE_END_TO_END = 3000;
    /** Issue 15: SQLite acks (closed loop) as a fraction of the bare endpoint's in the same run. */
    static final double SQLITE_ACK_FRACTION_OF_BARE = 0.25;
    /** Issue 15: SQLite ack p99 at half the gateway's own throughput, milliseconds. */
    static final double SQLITE_ACK_P99_MS = 25;
    /** Issue 15: PostgreSQL end to end, messages per second. */
    static final double POSTGRESQL_END_TO_END = 1000;
    /** Issue 15: PostgreSQL acks (closed loop) per second. */
    static final double POSTGRESQL_ACKS = 3000;
    /** Issue 15: closed-loop p99 over p50 of the ack latency. */
    static final double CLOSED_LOOP_TAIL_RATIO = 5;

    private Targets() {}

    static List<Map<String, Object>> evaluate(
            String database, Map<String, Object> bare, Map<String, Object> sync, List<Map<String, Object>> runs) {
        List<Map<String, Object>> rows = new ArrayList<>();
        boolean bareSkipped = skipped(bare);
        double ceiling = bareSkipped ? 0 : number(bare, "ackThroughput", "perSecond");
        if (database.equals(POSTGRESQL)) {
            for (Map<String, Object> run : runs) {
                rows.add(endToEndRow(run, POSTGRESQL_END_TO_END, POSTGRESQL));
            }
            for (Map<String, Object> run : runs) {
                double acks = number(run, "ackThroughput", "perSecond");
                rows.add(row(
                        "15",
                        "PostgreSQL: acks (closed loop) >= 3,000/s",
                        String.format("%,.0f/s (%s)", acks, label(run)),
                        acks,
                        POSTGRESQL_ACKS,
                        acks >= POSTGRESQL_ACKS));
            }
        } else {
            for (Map<String, Object> run : runs) {
                rows.add(endToEndRow(run, SQLITE_END_TO_END, SQLITE));
            }
            for (Map<String, Object> run : runs) {
                String target = "SQLite: acks (closed loop) >= 25% of the bare endpoint's in the same run";
                double acks = number(run, "ackThroughput", "perSecond");
                if (bareSkipped) {
                    rows.add(skip("15", target, String.format("%,.0f/s (%s); bare endpoint", acks, label(run)), bare));
                    continue;
                }
                double ratio = acks / ceiling;
                rows.add(row(
                        "15",
                        target,
                        String.format("%,.0f/s vs %,.0f/s = %.1f%% (%s)", acks, ceiling, 100 * ratio, label(run)),
                        GatewayRun.round(ratio, 4),
                        SQLITE_ACK_FRACTION_OF_BARE,
                        ratio >= SQLITE_ACK_FRACTION_OF_BARE));
            }
            for (Map<String, Object> run : runs) {
                rows.add(latencyRow(
                        run,
                        "ackLatencyAtGatewayRate",
                        "SQLite: ack p99 <= 25 ms at half the gateway's own throughput (open loop)"));
            }
        }
        for (Map<String, Object> run : runs) {
            Map<?, ?> closed = (Map<?, ?>) ((Map<?, ?>) run.get("ackThroughput")).get("closedLoopLatencyMs");
            double p50 = ((Number) closed.get("p50")).doubleValue();
            double p99 = ((Number) closed.get("p99")).doubleValue();
            Object ratio = ((Map<?, ?>) run.get("ackThroughput")).get("closedLoopP99OverP50");
            double r = ratio == null ? Double.POSITIVE_INFINITY : ((Number) ratio).doubleValue();
            rows.add(row(
                    "15",
                    "closed-loop tail: ack p99 <= 5x p50 in the ack-throughput phase",
                    String.format(
                            "p50 %.2f ms, p99 %.2f ms = %.1fx (%s, %d connections)",
                            p50,
                            p99,
                            r,
                            label(run),
                            ((Number) ((Map<?, ?>) run.get("ackThroughput")).get("connections")).intValue()),
                    ratio,
                    CLOSED_LOOP_TAIL_RATIO,
                    r <= CLOSED_LOOP_TAIL_RATIO));
        }
        String versusSync = "end to end >= the synchronous handler's (verify, tenant and Graph inside the request, "
                + "nothing stored)";
        String syncChecked = "synchronous handler: every webhook answered 200 with exactly one reply at the Graph mock";
        if (skipped(sync)) {
            rows.add(skip("15", versusSync, "synchronous handler", sync));
            rows.add(skip("15", syncChecked, "synchronous handler", sync));
        } else {
            double syncRate = rate(sync);
            for (Map<String, Object> run : runs) {
                double rate = rate(run);
                rows.add(row(
                        "15",
                        versusSync,
                        String.format(
                                "%,.0f msg/s vs %,.0f msg/s = %.2fx (%s; handler with %,d tenants)",
                                rate,
                                syncRate,
                                syncRate > 0 ? rate / syncRate : 0,
                                label(run),
                                ((Number) sync.get("tenants")).intValue()),
                        syncRate > 0 ? GatewayRun.round(rate / syncRate, 3) : null,
                        1.0,
                        syncRate > 0 && rate >= syncRate));
            }
            Map<?, ?> syncMessages = (Map<?, ?>) sync.get("messages");
            long syncNotAcked = ((Number) syncMessages.get("notAcked")).longValue();
            long syncWithoutReply = ((Number) syncMessages.get("ackedWithoutReply")).longValue();
            long syncRepeated = ((Number) syncMessages.get("repeatedReplies")).longValue();
            rows.add(row(
                    "15",
                    syncChecked,
                    String.format(
                            "%,d sent, %d not answered 200, %d without reply, %d repeated replies",
                            ((Number) syncMessages.get("sent")).longValue(),
                            syncNotAcked,
                            syncWithoutReply,
                            syncRepeated),
                    (double) (syncNotAcked + syncWithoutReply + syncRepeated),
                    0.0,
                    syncNotAcked == 0 && syncWithoutReply == 0 && syncRepeated == 0));
        }
        Map<String, Object> main = runs.get(0);
        if (runs.size() > 1) {
            Map<String, Object> many = runs.get(runs.size() - 1);
            for (String phase : List.of("ackLatencyAtGatewayRate", "ackLatency")) {
                String target = "p99 ack latency with many tenants <= 1.2x that with few";
                if (skipped((Map<?, ?>) main.get(phase))) {
                    rows.add(skip("7", target, "at half the bare endpoint's throughput", (Map<?, ?>) main.get(phase)));
                    continue;
                }
                double few = number(main, phase, "ms", "p99");
                double lots = number(many, phase, "ms", "p99");
                rows.add(row(
                        "7",
                        target,
                        String.format(
                                "%.2f ms / %.2f ms = %.2fx at %,.0f/s (%s; %s vs %s)",
                                lots,
                                few,
                                lots / few,
                                number(main, phase, "offeredPerSecond"),
                                basis(main, phase),
                                label(many),
                                label(main)),
                        few > 0 ? GatewayRun.round(lots / few, 3) : null,
                        1.2,
                        lots <= 1.2 * few));
            }
        }
        for (Map<String, Object> run : runs) {
            double startup = ((Number) run.get("startupMillis")).doubleValue();
            rows.add(row(
                    "7",
                    "start-up to a ready /health <= 1.5 s",
                    String.format(
                            "%.0f ms (%s, %s)",
                            startup,
                            label(run),
                            run.get("seededThrough").toString().startsWith("admin")
                                    ? "empty database"
                                    : "tenants already stored"),
                    startup,
                    1500.0,
                    startup <= 1500));
        }
        double peak = runs.stream()
                .mapToDouble(r -> ((Number) r.get("peakRssMB")).doubleValue())
                .max()
                .orElse(0);
        rows.add(row(
                "7",
                "peak RSS under load <= 300 MB",
                String.format("%.0f MB (highest of the gateway runs)", peak),
                peak,
                300.0,
                peak <= 300));
        for (Map<String, Object> run : runs) {
            Map<?, ?> messages = (Map<?, ?>) run.get("messages");
            Map<?, ?> outcomes = (Map<?, ?>) run.get("gatewayOutcomes");
            long notAcked = ((Number) messages.get("notAcked")).longValue();
            long withoutReply = ((Number) messages.get("ackedWithoutReply")).longValue();
            long repeated = ((Number) messages.get("repeatedReplies")).longValue();
            long limited =
                    count(outcomes, "rate_limited") + count(outcomes, "unroutable") + count(outcomes, "duplicate");
            rows.add(row(
                    "7, 15",
                    "every webhook acked, every message exactly one reply, none rate-limited or unroutable",
                    String.format(
                            "%,d sent, %d not acked%s, %d without reply, %d repeated replies, "
                                    + "%d rate-limited/unroutable/duplicate (%s)",
                            ((Number) messages.get("sent")).longValue(),
                            notAcked,
                            notAcked == 0 || messages.get("notAckedByStatus") == null
                                    ? ""
                                    : " " + messages.get("notAckedByStatus"),
                            withoutReply,
                            repeated,
                            limited,
                            label(run)),
                    (double) (notAcked + withoutReply + repeated + limited),
                    0.0,
                    notAcked == 0 && withoutReply == 0 && repeated == 0 && limited == 0));
        }
        return rows;
    }

    private static Map<String, Object> endToEndRow(Map<String, Object> run, double limit, String database) {
        Object e2e = ((Map<?, ?>) run.get("endToEnd")).get("messagesPerSecond");
        double rate = e2e == null ? 0 : ((Number) e2e).doubleValue();
        return row(
                "15",
                String.format("%s: end to end >= %,.0f msg/s (webhook in to reply at the Graph mock)", database, limit),
                e2e == null
                        ? "replies missing (" + label(run) + ")"
                        : String.format("%,.0f msg/s (%s)", rate, label(run)),
                e2e == null ? null : rate,
                limit,
                rate >= limit);
    }

    private static Map<String, Object> latencyRow(Map<String, Object> run, String phase, String target) {
        double p99 = number(run, phase, "ms", "p99");
        double p50 = number(run, phase, "ms", "p50");
        long unsent = (long) number(run, phase, "unsent");
        return row(
                "15",
                target,
                String.format(
                        "p99 %.2f ms, p50 %.2f ms at %,.0f/s offered (%s), %,.0f/s achieved (%s)%s",
                        p99,
                        p50,
                        number(run, phase, "offeredPerSecond"),
                        basis(run, phase),
                        number(run, phase, "achievedPerSecond"),
                        label(run),
                        unsent == 0
                                ? ""
                                : String.format("; overloaded: %,d never sent, figures are lower bounds", unsent)),
                p99,
                SQLITE_ACK_P99_MS,
                p99 <= SQLITE_ACK_P99_MS);
    }

    /** The database kind whose targets apply: PostgreSQL for a {@code jdbc:postgresql:} URL, else SQLite. */
    static String database(Optional<String> databaseUrl) {
        return databaseUrl.filter(u -> u.startsWith("jdbc:postgresql:")).isPresent() ? POSTGRESQL : SQLITE;
    }

    /** A part of the run left out by an option: {@code {"skipped": "--skip-..."}}. */
    static Map<String, Object> skippedBy(String option) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("skipped", option);
        return m;
    }

    static boolean skipped(Map<?, ?> part) {
        return part == null || part.containsKey("skipped");
    }

    private static double rate(Map<String, Object> run) {
        Object e2e = ((Map<?, ?>) run.get("endToEnd")).get("messagesPerSecond");
        return e2e == null ? 0 : ((Number) e2e).doubleValue();
    }

    private static String basis(Map<String, Object> run, String phase) {
        return String.valueOf(((Map<?, ?>) run.get(phase)).get("rateBasis"));
    }

    private static long count(Map<?, ?> outcomes, String outcome) {
        Object v = outcomes.get(outcome);
        return v == null ? 0 : ((Number) v).longValue();
    }

    private static String label(Map<String, Object> run) {
        return String.format("%,d tenants", ((Number) run.get("tenants")).intValue());
    }

    private static Map<String, Object> skip(String issue, String target, String what, Map<?, ?> part) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("issue", issue);
        row.put("target", target);
        row.put("figure", what + " not measured (" + (part == null ? "skipped" : part.get("skipped")) + ")");
        row.put("value", null);
        row.put("limit", null);
        row.put("pass", null);
        row.put("status", "SKIP");
        return row;
    }

    private static Map<String, Object> row(
            String issue, String target, String figure, Object value, double limit, boolean pass) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("issue", issue);
        row.put("target", target);
        row.put("figure", figure);
        row.put("value", value);
        row.put("limit", limit);
        row.put("pass", pass);
        row.put("status", pass ? "PASS" : "MISS");
        return row;
    }

    static double number(Map<String, Object> root, String... path) {
        Object node = root;
        for (String key : path) {
            node = ((Map<?, ?>) node).get(key);
        }
        return ((Number) node).doubleValue();
    }
}
