package com.vendin.whatsapp.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Issue 7's targets, each with the figure this run measured and whether it meets it. */
final class Targets {
    private Targets() {}

    static List<Map<String, Object>> evaluate(
            Map<String, Object> bare, Map<String, Object> sync, List<Map<String, Object>> runs) {
        List<Map<String, Object>> rows = new ArrayList<>();
        double ceiling = number(bare, "ackThroughput", "perSecond");
        Map<String, Object> main = runs.get(0);
        String mainLabel = label(main);
        double throughput = number(main, "ackThroughput", "perSecond");
        rows.add(row(
                "ack throughput >= 50% of the bare endpoint's",
                String.format(
                        "%,.0f/s vs %,.0f/s = %.0f%% (%s)", throughput, ceiling, 100 * throughput / ceiling, mainLabel),
                throughput >= 0.5 * ceiling));
        for (String phase : List.of("ackLatency", "ackLatencyAtGatewayRate")) {
            for (Map<String, Object> run : runs) {
                rows.add(latencyRow(run, phase));
            }
        }
        for (Map<String, Object> run : runs) {
            Object e2e = ((Map<?, ?>) run.get("endToEnd")).get("messagesPerSecond");
            double rate = e2e == null ? 0 : ((Number) e2e).doubleValue();
            rows.add(row(
                    "end to end >= 2,000 msg/s (webhook in to reply at the Graph mock)",
                    e2e == null
                            ? "replies missing (" + label(run) + ")"
                            : String.format("%,.0f msg/s (%s)", rate, label(run)),
                    rate >= 2000));
        }
        Object syncE2e = ((Map<?, ?>) sync.get("endToEnd")).get("messagesPerSecond");
        double syncRate = syncE2e == null ? 0 : ((Number) syncE2e).doubleValue();
        for (Map<String, Object> run : runs) {
            Object e2e = ((Map<?, ?>) run.get("endToEnd")).get("messagesPerSecond");
            double rate = e2e == null ? 0 : ((Number) e2e).doubleValue();
            rows.add(row(
                    "end to end >= the synchronous handler's (verify, tenant and Graph inside the request, nothing "
                            + "stored)",
                    String.format(
                            "%,.0f msg/s vs %,.0f msg/s = %.2fx (%s; handler with %,d tenants)",
                            rate,
                            syncRate,
                            syncRate > 0 ? rate / syncRate : 0,
                            label(run),
                            ((Number) sync.get("tenants")).intValue()),
                    syncRate > 0 && rate >= syncRate));
        }
        Map<?, ?> syncMessages = (Map<?, ?>) sync.get("messages");
        long syncNotAcked = ((Number) syncMessages.get("notAcked")).longValue();
        long syncWithoutReply = ((Number) syncMessages.get("ackedWithoutReply")).longValue();
        long syncRepeated = ((Number) syncMessages.get("repeatedReplies")).longValue();
        rows.add(row(
                "synchronous handler: every webhook answered 200 with exactly one reply at the Graph mock",
                String.format(
                        "%,d sent, %d not answered 200, %d without reply, %d repeated replies",
                        ((Number) syncMessages.get("sent")).longValue(), syncNotAcked, syncWithoutReply, syncRepeated),
                syncNotAcked == 0 && syncWithoutReply == 0 && syncRepeated == 0));
        if (runs.size() > 1) {
            Map<String, Object> many = runs.get(runs.size() - 1);
            for (String phase : List.of("ackLatencyAtGatewayRate", "ackLatency")) {
                double few = number(main, phase, "ms", "p99");
                double lots = number(many, phase, "ms", "p99");
                rows.add(row(
                        "p99 ack latency with many tenants <= 1.2x that with few",
                        String.format(
                                "%.2f ms / %.2f ms = %.2fx at %,.0f/s (%s; %s vs %s)",
                                lots,
                                few,
                                lots / few,
                                number(main, phase, "offeredPerSecond"),
                                basis(main, phase),
                                label(many),
                                mainLabel),
                        lots <= 1.2 * few));
            }
        }
        for (Map<String, Object> run : runs) {
            double startup = ((Number) run.get("startupMillis")).doubleValue();
            rows.add(row(
                    "start-up to a ready /health <= 1.5 s",
                    String.format(
                            "%.0f ms (%s, %s)",
                            startup,
                            label(run),
                            run.get("seededThrough").toString().startsWith("admin")
                                    ? "empty database"
                                    : "tenants already stored"),
                    startup <= 1500));
        }
        double peak = runs.stream()
                .mapToDouble(r -> ((Number) r.get("peakRssMB")).doubleValue())
                .max()
                .orElse(0);
        rows.add(row(
                "peak RSS under load <= 300 MB",
                String.format("%.0f MB (highest of the gateway runs)", peak),
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
                    "every webhook acked, every message exactly one reply, none rate-limited or unroutable",
                    String.format(
                            "%,d sent, %d not acked, %d without reply, %d repeated replies, "
                                    + "%d rate-limited/unroutable/duplicate (%s)",
                            ((Number) messages.get("sent")).longValue(),
                            notAcked,
                            withoutReply,
                            repeated,
                            limited,
                            label(run)),
                    notAcked == 0 && withoutReply == 0 && repeated == 0 && limited == 0));
        }
        return rows;
    }

    private static Map<String, Object> latencyRow(Map<String, Object> run, String phase) {
        double p99 = number(run, phase, "ms", "p99");
        double p50 = number(run, phase, "ms", "p50");
        long unsent = (long) number(run, phase, "unsent");
        return row(
                "p99 ack latency <= 25 ms at a fixed offered rate",
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
                p99 <= 25);
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

    private static Map<String, Object> row(String target, String figure, boolean pass) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("target", target);
        row.put("figure", figure);
        row.put("pass", pass);
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
