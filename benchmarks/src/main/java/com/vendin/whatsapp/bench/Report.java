package com.vendin.whatsapp.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The results as a console table, a markdown file and a JSON file. */
final class Report {
    private final Map<String, Object> results;

    Report(Map<String, Object> results) {
        this.results = results;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> targets() {
        return (List<Map<String, Object>>) results.get("targets");
    }

    /** Whether every run passed its message checks (acked, exactly one reply, nothing rate-limited). */
    boolean messagesChecked() {
        return targets().stream()
                .filter(r -> r.get("target").toString().startsWith("every webhook acked"))
                .allMatch(r -> "PASS".equals(r.get("status")));
    }

    String table() {
        StringBuilder out = new StringBuilder("\n").append(heading()).append("\n\n");
        int width = targets().stream()
                .mapToInt(r -> r.get("target").toString().length())
                .max()
                .orElse(10);
        out.append(String.format("%-4s  %-5s  %-" + width + "s  %s%n", "", "issue", "target", "figure"));
        for (Map<String, Object> row : targets()) {
            out.append(String.format(
                    "%-4s  %-5s  %-" + width + "s  %s%n",
                    row.get("status"),
                    row.get("issue"),
                    row.get("target"),
                    row.get("figure")));
        }
        out.append("\nPer-message budget of the gateway:\n");
        for (String line : budgetLines()) {
            out.append("  ").append(line).append('\n');
        }
        return out.toString();
    }

    /** Which database's targets the table holds, and what was skipped. */
    private String heading() {
        Object database = results.get("targetsDatabase");
        String heading = String.format(
                "Targets of this run on %s: issue 15's for %s and for every database, and issue 7's that issue 15 "
                        + "did not replace (%s)",
                database,
                database,
                Targets.POSTGRESQL.equals(database)
                        ? "its SQLite targets apply to a run on the default SQLite file"
                        : "its PostgreSQL targets apply to a run with --database-url jdbc:postgresql://...");
        Object skipped = ((Map<?, ?>) results.get("settings")).get("skipped");
        if (skipped instanceof List<?> list && !list.isEmpty()) {
            heading += "; skipped: "
                    + String.join(" ", list.stream().map(String::valueOf).toList());
        }
        return heading + ".";
    }

    /** One line per gateway run and window, and the synchronous handler's. */
    @SuppressWarnings("unchecked")
    List<String> budgetLines() {
        List<String> lines = new ArrayList<>();
        Object gateway = results.get("gateway");
        if (gateway instanceof List<?> runs) {
            for (Object r : runs) {
                Map<String, Object> run = (Map<String, Object>) r;
                for (String key : List.of("budget", "budgetWholeRun")) {
                    if (run.get(key) instanceof Map<?, ?> budget) {
                        lines.add(String.format(
                                "%,d tenants, %s (%,d messages): %s",
                                ((Number) run.get("tenants")).intValue(),
                                budget.get("window"),
                                ((Number) budget.get("messages")).longValue(),
                                Budget.describe(budget)));
                    }
                }
            }
        }
        if (results.get("syncHandler") instanceof Map<?, ?> sync && sync.get("endToEnd") instanceof Map<?, ?> e2e) {
            lines.add(String.format(
                    "synchronous handler, end-to-end phase (%,d messages): 0 write transactions, %s ms handler CPU",
                    ((Number) e2e.get("messages")).longValue(), e2e.get("cpuMsPerMessage")));
        }
        return lines;
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# Gateway benchmark\n\n");
        Map<?, ?> machine = (Map<?, ?>) results.get("machine");
        md.append("Machine: ")
                .append(machine.get("cpu"))
                .append(", ")
                .append(machine.get("cores"))
                .append(" cores, ")
                .append(machine.get("memoryMB"))
                .append(" MB, ")
                .append(machine.get("os"))
                .append(", ")
                .append(machine.get("java"))
                .append(" (load average at start: ")
                .append(machine.get("loadAverageAtStart"))
                .append(")\n\nSettings: `")
                .append(results.get("settings"))
                .append("`\n\n")
                .append(heading())
                .append("\n\n");
        md.append("| issue | target | figure | |\n|---|---|---|---|\n");
        for (Map<String, Object> row : targets()) {
            Object status = row.get("status");
            md.append("| ")
                    .append(row.get("issue"))
                    .append(" | ")
                    .append(row.get("target"))
                    .append(" | ")
                    .append(row.get("figure"))
                    .append(" | ")
                    .append(
                            "MISS".equals(status)
                                    ? "**miss**"
                                    : status.toString().toLowerCase(Locale.ROOT))
                    .append(" |\n");
        }
        md.append("\nPer-message budget of the gateway:\n\n");
        for (String line : budgetLines()) {
            md.append("- ").append(line).append('\n');
        }
        md.append("\nAll figures: the JSON file of the same name.\n");
        return md.toString();
    }

    void write(Path prefix) throws IOException {
        Path json = Path.of(prefix + ".json");
        Path md = Path.of(prefix + ".md");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), results);
        Files.writeString(md, markdown());
    }
}
