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

/** Twilio's Messages API played by MockWebServer: accepts every message and records its form fields. */
public final class FakeTwilio implements AutoCloseable {
    private final MockWebServer server = new MockWebServer();
    private final List<Send> sends = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    /** One message the gateway created. */
    public record Send(String path, String authorization, Map<String, String> form) {
    }

    public FakeTwilio start() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String raw = request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
                sends.add(new Send(request.getUrl().encodedPath(), request.getHeaders().get("Authorization"), form(raw)));
                return new MockResponse.Builder().code(201).setHeader("Content-Type", "application/json")
                        .body("{\"sid\":\"SM" + ids.incrementAndGet() + "\",\"status\":\"queued\"}").build();
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

    private static Map<String, String> form(String raw) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}
