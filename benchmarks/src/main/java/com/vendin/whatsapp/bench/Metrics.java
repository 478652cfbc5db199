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

/** Reads the gateway's own count of inbound messages by outcome from {@code /metrics}. */
final class Metrics {
    private static final Pattern LINE = Pattern.compile(
            "^gateway_webhook_messages_total\\{[^}]*outcome=\"([a-z_]+)\"[^}]*\\}\\s+([0-9.eE+]+)", Pattern.MULTILINE);

    private Metrics() {}

    /** {@code outcome -> count} of {@code gateway_webhook_messages_total}, e.g. accepted, rate_limited, unroutable. */
    static Map<String, Long> webhookOutcomes(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        Map<String, Long> outcomes = new TreeMap<>();
        Matcher m = LINE.matcher(response.body());
        while (m.find()) {
            outcomes.merge(m.group(1), (long) Double.parseDouble(m.group(2)), Long::sum);
        }
        return outcomes;
    }
}
