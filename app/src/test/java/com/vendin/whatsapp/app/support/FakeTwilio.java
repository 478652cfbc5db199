package com.vendin.whatsapp.app.support;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** Twilio's REST API played by MockWebServer: accepts every message create (201) and records it. */
public final class FakeTwilio implements AutoCloseable {
    private final MockWebServer server = new MockWebServer();
    private final List<Send> sends = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    /** One message create the gateway made, with its decoded form fields. */
    public record Send(String path, String authorization, Map<String, String> form, String sid) {
        public String from() {
            return form.get("From");
        }

        public String to() {
            return form.get("To");
        }

        public String body() {
            return form.get("Body");
        }
    }

    public FakeTwilio start() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String raw = request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
                String sid = String.format("SM%032x", ids.incrementAndGet());
                sends.add(new Send(request.getUrl().encodedPath(), request.getHeaders().get("Authorization"),
                        decode(raw), sid));
                return new MockResponse.Builder().code(201).setHeader("Content-Type", "application/json")
                        .body("{\"sid\":\"" + sid + "\",\"status\":\"queued\",\"num_segments\":\"1\"}")
                        .build();
            }
        });
        server.start();
        return this;
    }

    /** The base URL to give as {@code TWILIO_API_URL}. */
    public String baseUrl() {
        return server.url("/").toString();
    }

    public List<Send> sends() {
        return List.copyOf(sends);
    }

    @Override
    public void close() {
        server.close();
    }

    private static Map<String, String> decode(String raw) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
