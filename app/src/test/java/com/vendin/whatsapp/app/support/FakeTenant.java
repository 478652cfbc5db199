package com.vendin.whatsapp.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A tenant instance played by MockWebServer: records every call and answers with a reply text, or with
 * a scripted status code, or not at all ({@link #hang()}) until told to stop hanging or closed. Status posts
 * ({@code /webhooks/whatsapp/status}) are kept apart in {@link #statusCalls()} and answered at once.
 */
public final class FakeTenant implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer server = new MockWebServer();
    private static final String STATUS_PATH = "/webhooks/whatsapp/status";

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<Call> statusCalls = new CopyOnWriteArrayList<>();
    private volatile Function<JsonNode, Integer> statusAnswers = body -> 200;
    private volatile Function<JsonNode, String> replies =
            body -> "Re: " + body.path("message").asText();
    private volatile Function<JsonNode, String> rawReplies;
    private volatile Duration delay = Duration.ZERO;
    private volatile Function<JsonNode, Integer> status = body -> 200;
    private volatile CountDownLatch hanging = new CountDownLatch(0);

    /** One request the gateway made, with its parsed body. */
    public record Call(RecordedRequest request, JsonNode body, String rawBody, int status) {
        public String header(String name) {
            return request.getHeaders().get(name);
        }

        public String messageId() {
            return body.path("messageId").asText();
        }

        /** Whether the tenant accepted the message (answered 2xx). */
        public boolean accepted() {
            return status / 100 == 2;
        }
    }

    public FakeTenant start() throws IOException {
        return start(0);
    }

    public FakeTenant start(int port) throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String raw = request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
                JsonNode body = parse(raw);
                if (request.getUrl().encodedPath().endsWith(STATUS_PATH)) {
                    int code = statusAnswers.apply(body);
                    statusCalls.add(new Call(request, body, raw, code));
                    return new MockResponse.Builder()
                            .code(code)
                            .setHeader("Content-Type", "application/json")
                            .body("{}")
                            .build();
                }
                CountDownLatch hold = hanging;
                if (hold.getCount() > 0) {
                    calls.add(new Call(request, body, raw, 0));
                    awaitQuietly(hold);
                    return new MockResponse.Builder().code(503).body("").build();
                }
                int code = status.apply(body);
                calls.add(new Call(request, body, raw, code));
                if (code / 100 != 2) {
                    return new MockResponse.Builder()
                            .code(code)
                            .setHeader("Content-Type", "application/json")
                            .body("{\"error\":\"scripted\"}")
                            .build();
                }
                Function<JsonNode, String> json = rawReplies;
                String text = json == null ? replies.apply(body) : null;
                String answer = json != null
                        ? json.apply(body)
                        : text == null
                                ? "{}"
                                : JSON.createObjectNode().put("text", text).toString();
                MockResponse.Builder response = new MockResponse.Builder()
                        .code(200)
                        .setHeader("Content-Type", "application/json")
                        .body(answer);
                if (!delay.isZero()) {
                    response.headersDelay(delay.toMillis(), TimeUnit.MILLISECONDS);
                }
                return response.build();
            }
        });
        server.start(port);
        return this;
    }

    public FakeTenant replyWith(Function<JsonNode, String> replies) {
        this.replies = replies;
        return this;
    }

    /** Answers each call with the JSON body {@code answers} gives for it, as written (a rich reply, CONTRACT §3.1). */
    public FakeTenant answerJson(Function<JsonNode, String> answers) {
        this.rawReplies = answers;
        return this;
    }

    /** Answers each call with the status {@code status} gives for its body (2xx = accept and reply). */
    public FakeTenant answerStatus(Function<JsonNode, Integer> status) {
        this.status = status;
        return this;
    }

    /**
     * Holds every call from now on without answering (the gateway's timeout ends it) until {@link #stopHanging()};
     * a held call is recorded at once with status 0.
     */
    public FakeTenant hang() {
        hanging = new CountDownLatch(1);
        return this;
    }

    public FakeTenant stopHanging() {
        hanging.countDown();
        return this;
    }

    /** The calls the tenant accepted (answered 2xx), in the order it received them. */
    public List<Call> accepted() {
        return calls.stream().filter(Call::accepted).toList();
    }

    public FakeTenant delayEveryAnswer(Duration delay) {
        this.delay = delay;
        return this;
    }

    public String url() {
        return server.url("/").toString();
    }

    public int port() {
        return server.getPort();
    }

    /** The messages the gateway delivered (CONTRACT §3), not the statuses. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The statuses the gateway posted to {@code /webhooks/whatsapp/status} (CONTRACT §3.4), in order. */
    public List<Call> statusCalls() {
        return List.copyOf(statusCalls);
    }

    /** Answers each status post with the status {@code answers} gives for its body (default 200). */
    public FakeTenant answerStatusCalls(Function<JsonNode, Integer> answers) {
        this.statusAnswers = answers;
        return this;
    }

    @Override
    public void close() {
        hanging.countDown();
        server.close();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static JsonNode parse(String raw) {
        try {
            return JSON.readTree(raw);
        } catch (IOException e) {
            return JSON.createObjectNode().put("unparsable", raw);
        }
    }
}
