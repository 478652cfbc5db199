package com.vendin.whatsapp.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;

/**
 * Meta's Graph API answering every send at once as Meta does; keeps, per message it is a reply to
 * (the {@code re <messageId>} text of {@link MockTenant}), when the first reply arrived and how many came.
 */
final class MockGraph implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final ToLongFunction<String> seqOf;
    private final ConcurrentHashMap<Long, Long> firstReplyNanos = new ConcurrentHashMap<>();
    private final AtomicLong sends = new AtomicLong();
    private final AtomicLong repeated = new AtomicLong();
    private final AtomicLong foreign = new AtomicLong();
    private final AtomicLong ids = new AtomicLong();

    MockGraph(int threads, ToLongFunction<String> seqOf) throws IOException {
        this.seqOf = seqOf;
        Daemons.noDelayForJdkHttpServer();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        executor = Executors.newFixedThreadPool(threads, Daemons.named("mock-graph"));
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** {@code FACEBOOK_GRAPH_URL}: the base with a version segment, as in production. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v25.0";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            long now = System.nanoTime();
            String body = MockTenant.readAll(exchange.getRequestBody());
            if (body.contains("\"typing_indicator\"")) {
                answer(exchange, "{\"success\":true}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            sends.incrementAndGet();
            String text = MockTenant.field(body, "body");
            long seq = text.startsWith("re ") ? seqOf.applyAsLong(text.substring(3)) : -1;
            if (seq < 0) {
                foreign.incrementAndGet();
            } else if (firstReplyNanos.putIfAbsent(seq, now) != null) {
                repeated.incrementAndGet();
            }
            String to = MockTenant.field(body, "to");
            byte[] answer = ("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + to + "\",\"wa_id\":\""
                            + to + "\"}],\"messages\":[{\"id\":\"wamid.OUT" + ids.incrementAndGet() + "\"}]}")
                    .getBytes(StandardCharsets.UTF_8);
            answer(exchange, answer);
        }
    }

    /** 200 with a JSON body; read-and-typing requests (CONTRACT §3.5) get {@code {"success":true}} and are not sends. */
    private static void answer(HttpExchange exchange, byte[] answer) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    /** When the first reply to message {@code seq} arrived ({@link System#nanoTime}), or null. */
    Long replyNanos(long seq) {
        return firstReplyNanos.get(seq);
    }

    long sends() {
        return sends.get();
    }

    /** Sends for a message that already had its reply. */
    long repeated() {
        return repeated.get();
    }

    /** Sends that answer no message of this run. */
    long foreign() {
        return foreign.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
