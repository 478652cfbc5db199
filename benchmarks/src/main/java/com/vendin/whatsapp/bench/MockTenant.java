package com.vendin.whatsapp.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every tenant instance at once (CONTRACT §3), answering at once with {@code {"text":"re <messageId>"}} so
 * that the reply the mock Graph receives names the message it answers. Counts calls and repeated ids.
 */
final class MockTenant implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong repeated = new AtomicLong();

    MockTenant(int threads) throws IOException {
        Daemons.noDelayForJdkHttpServer();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        executor = Executors.newFixedThreadPool(threads, Daemons.named("mock-tenant"));
        server.setExecutor(executor);
        server.createContext("/webhooks/whatsapp", this::handle);
        // Statuses of the replies (CONTRACT §3.4): taken, not counted as calls.
        server.createContext("/webhooks/whatsapp/status", MockTenant::status);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    long calls() {
        return calls.get();
    }

    long repeated() {
        return repeated.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = readAll(exchange.getRequestBody());
            calls.incrementAndGet();
            String id = field(body, "messageId");
            if (!seen.add(id)) {
                repeated.incrementAndGet();
            }
            byte[] answer = ("{\"text\":\"re " + id + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    private static void status(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
        }
    }

    /** The string value of {@code "name":"..."} in a flat JSON text (our ids need no escaping). */
    static String field(String json, String name) {
        String key = "\"" + name + "\":\"";
        int start = json.indexOf(key);
        if (start < 0) {
            return "";
        }
        start += key.length();
        int end = json.indexOf('"', start);
        return end < 0 ? "" : json.substring(start, end);
    }

    static String readAll(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
