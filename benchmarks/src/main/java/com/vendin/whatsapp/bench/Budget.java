package com.vendin.whatsapp.bench;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The gateway's per-message budget over a window: write transactions committed (in all and by purpose,
 * from {@code gateway_db_write_transactions_total}), database commits ({@code gateway_db_commits_total})
 * and the gateway process's CPU time ({@code /proc/<pid>/stat}, 10 ms ticks), each divided by the messages
 * of the window.
 */
final class Budget {
    private final Map<String, Long> writes;
    private final double cpuSeconds;

    private Budget(Map<String, Long> writes, double cpuSeconds) {
        this.writes = writes;
        this.cpuSeconds = cpuSeconds;
    }

    static Budget snapshot(int port, long pid) throws IOException, InterruptedException {
        return new Budget(Metrics.writes(port), Cpu.seconds(pid));
    }

    /** This snapshot minus {@code start}, per message, as a JSON-ready map. */
    Map<String, Object> since(Budget start, long messages, String window) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("window", window);
        m.put("messages", messages);
        double per = Math.max(1, messages);
        long total = 0;
        Map<String, Object> byPurpose = new TreeMap<>();
        for (Map.Entry<String, Long> e : writes.entrySet()) {
            if (e.getKey().equals(Metrics.COMMITS_KEY)) {
                continue;
            }
            long delta = e.getValue() - start.writes.getOrDefault(e.getKey(), 0L);
            total += delta;
            byPurpose.put(e.getKey(), GatewayRun.round(delta / per, 3));
        }
        m.put("writeTransactionsPerMessage", GatewayRun.round(total / per, 3));
        m.put("writeTransactionsPerMessageByPurpose", byPurpose);
        long commits =
                writes.getOrDefault(Metrics.COMMITS_KEY, 0L) - start.writes.getOrDefault(Metrics.COMMITS_KEY, 0L);
        m.put("databaseCommitsPerMessage", GatewayRun.round(commits / per, 3));
        m.put("cpuMsPerMessage", GatewayRun.round((cpuSeconds - start.cpuSeconds) * 1000 / per, 3));
        return m;
    }

    /** One line: {@code 5.02 write transactions (claim 0.81, ...), 1.10 commits, 0.71 ms CPU}. */
    static String describe(Map<?, ?> budget) {
        StringBuilder purposes = new StringBuilder();
        ((Map<?, ?>) budget.get("writeTransactionsPerMessageByPurpose")).forEach((purpose, value) -> {
            if (((Number) value).doubleValue() > 0) {
                purposes.append(purposes.length() == 0 ? "" : ", ")
                        .append(purpose)
                        .append(' ')
                        .append(String.format("%.2f", ((Number) value).doubleValue()));
            }
        });
        return String.format(
                "%.2f write transactions (%s), %.2f database commits, %.3f ms gateway CPU",
                ((Number) budget.get("writeTransactionsPerMessage")).doubleValue(),
                purposes,
                ((Number) budget.get("databaseCommitsPerMessage")).doubleValue(),
                ((Number) budget.get("cpuMsPerMessage")).doubleValue());
    }
}
