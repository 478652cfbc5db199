package com.vendin.whatsapp.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * Debian's {@code chromium} in headless mode, driven over the Chrome DevTools Protocol (a WebSocket, with
 * OkHttp): navigate, evaluate JavaScript in the page, take a screenshot.
 */
public final class HeadlessChromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private HeadlessChromium(Process process, String pageSocketUrl) {
        this.process = process;
        this.socket = TestGateway.CLIENT.newWebSocket(
                new Request.Builder().url(pageSocketUrl).build(), new Listener());
    }

    /** The chromium binary on PATH, if any. */
    public static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/chromium"));
    }

    public static HeadlessChromium start(Path profile) throws IOException {
        Process process = new ProcessBuilder(List.of(
                        "/usr/bin/chromium",
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--no-first-run",
                        "--remote-debugging-port=0",
                        "--remote-allow-origins=*",
                        "--window-size=1280,1500",
                        "--user-data-dir=" + profile,
                        "about:blank"))
                .redirectErrorStream(true)
                .redirectOutput(profile.resolveSibling("chromium.log").toFile())
                .start();
        Path portFile = profile.resolve("DevToolsActivePort");
        Eventually.within(Duration.ofSeconds(30), "chromium opens its DevTools port", () -> {
            if (!process.isAlive()) {
                throw new AssertionError("chromium exited with " + process.exitValue());
            }
            return Files.exists(portFile) && readQuietly(portFile).contains("\n");
        });
        String port = readQuietly(portFile).lines().findFirst().orElseThrow();
        String[] page = new String[1];
        Eventually.within(Duration.ofSeconds(10), "chromium lists its page", () -> {
            try (Response list = TestGateway.CLIENT
                    .newCall(new Request.Builder()
                            .url("http://127.0.0.1:" + port + "/json/list")
                            .build())
                    .execute()) {
                for (JsonNode target : JSON.readTree(list.body().string())) {
                    if (target.path("type").asText().equals("page")) {
                        page[0] = target.path("webSocketDebuggerUrl").asText();
                        return true;
                    }
                }
                return false;
            } catch (IOException notYet) {
                return false;
            }
        });
        return new HeadlessChromium(process, page[0]);
    }

    public void navigate(String url) {
        call("Page.navigate", JSON.createObjectNode().put("url", url));
    }

    /** Evaluates {@code expression} in the page (awaiting a promise) and returns its value. */
    public JsonNode evaluate(String expression) {
        JsonNode result = call(
                "Runtime.evaluate",
                JSON.createObjectNode()
                        .put("expression", expression)
                        .put("returnByValue", true)
                        .put("awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new AssertionError("page script failed: " + result.path("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Whether {@code expression} evaluates to true now (false while the page is still loading). */
    public boolean check(String expression) {
        try {
            return evaluate(expression).asBoolean(false);
        } catch (AssertionError notYet) {
            return false;
        }
    }

    public void screenshot(Path png) throws IOException {
        JsonNode shot = call(
                "Page.captureScreenshot",
                JSON.createObjectNode().put("format", "png").put("captureBeyondViewport", true));
        Files.createDirectories(png.getParent());
        Files.write(png, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    private JsonNode call(String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        socket.send(message.toString());
        try {
            JsonNode response = answer.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (response.has("error")) {
                throw new AssertionError(method + " failed: " + response.path("error"));
            }
            return response.path("result");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError(method + " got no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(method + " interrupted", e);
        }
    }

    private final class Listener extends WebSocketListener {
        @Override
        public void onMessage(WebSocket webSocket, String text) {
            try {
                JsonNode message = JSON.readTree(text);
                if (message.has("id")) {
                    CompletableFuture<JsonNode> answer =
                            pending.remove(message.path("id").asInt());
                    if (answer != null) {
                        answer.complete(message);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            pending.values().forEach(f -> f.completeExceptionally(t));
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        socket.close(1000, "done");
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
