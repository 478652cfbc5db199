package com.vendin.whatsapp.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the gateway's own count of inbound messages by outcome, and of committed write transactions by
 * purpose, from {@code /metrics}.
 */
final class Metrics {
    private static final Pattern LINE = Pattern.compile(
            "^gateway_webhook_messages_total\\{[^}]*outcome=\"([a-z_]+)\"[^}]*\\}\\s+([0-9.eE+]+)", Pattern.MULTILINE);
    private static final Pattern WRITES = Pattern.compile(
            "^gateway_db_write_transactions_total\\{[^}]*purpose=\"([a-z_]+)\"[^}]*\\}\\s+([0-9.eE+]+)",
            Pattern.MULTILINE);
    private static final Pattern COMMITS =
            Pattern.compile("^gateway_db_commits_total\\s+([0-9.eE+]+)", Pattern.MULTILINE);
    /** The key of {@link #writes} that holds the database commits (not a purpose). */
    static final String COMMITS_KEY = "databaseCommits";

    private Metrics() {}

    /** {@code outcome -> count} of {@code gateway_webhook_messages_total}, e.g. accepted, rate_limited, unroutable. */
    static Map<String, Long> webhookOutcomes(int port) throws IOException, InterruptedException {
        Map<String, Long> outcomes = new TreeMap<>();
        Matcher m = LINE.matcher(scrape(port));
        while (m.find()) {
            outcomes.merge(m.group(1), (long) Double.parseDouble(m.group(2)), Long::sum);
        }
        return outcomes;
    }

    /**
     * {@code purpose -> committed write transactions} of {@code gateway_db_write_transactions_total}, plus
     * {@link #COMMITS_KEY} -> {@code gateway_db_commits_total}; empty when the gateway has no such meters.
     */
    static Map<String, Long> writes(int port) throws IOException, InterruptedException {
        String text = scrape(port);
        Map<String, Long> writes = new TreeMap<>();
        Matcher m = WRITES.matcher(text);
        while (m.find()) {
            writes.merge(m.group(1), (long) Double.parseDouble(m.group(2)), Long::sum);
        }
        Matcher c = COMMITS.matcher(text);
        if (c.find()) {
            writes.put(COMMITS_KEY, (long) Double.parseDouble(c.group(1)));
        }
        return writes;
    }

    private static String scrape(int port) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
