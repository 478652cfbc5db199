package com.vendin.whatsapp.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * Meta's Graph API played by MockWebServer: accepts every send and records it, unless failures were
 * scripted with {@link #failNext}; every request, failed or not, is kept in {@link #attempts()}. With
 * {@link #echoStatusesTo} it also posts each accepted send's {@code sent} status webhook, as Meta does. Read
 * receipts with the typing indicator and media uploads are kept apart ({@link #typings()}, {@link #uploads()}).
 */
public final class FakeGraph implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer server = new MockWebServer();
    private final List<Send> sends = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final Queue<int[]> failures = new ConcurrentLinkedQueue<>();
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private volatile Optional<MetaStatusEcho> echo = Optional.empty();
    private volatile Duration answerDelay = Duration.ZERO;
    private volatile boolean loseAnswers;
    private final List<Typing> typings = new CopyOnWriteArrayList<>();
    private final List<Upload> uploads = new CopyOnWriteArrayList<>();
    private volatile int typingStatus = 200;
    private volatile Duration typingDelay = Duration.ZERO;

    /** One request the gateway made, when, and the status it got. */
    public record Attempt(String path, String authorization, JsonNode body, int status, long atNanos) {
        public String text() {
            return body.path("text").path("body").asText();
        }
    }

    /** One read-and-typing request ({@code status: read} with {@code typing_indicator}), when, and what it got. */
    public record Typing(String path, String authorization, JsonNode body, int status, long atNanos) {
        public String messageId() {
            return body.path("message_id").asText();
        }
    }

    /**
     * One media upload: the multipart body as ISO-8859-1 text (so the file's bytes survive) and the media id given.
     */
    public record Upload(String path, String authorization, String contentType, String body, String mediaId) {}

    /** One send the gateway made. */
    public record Send(String path, String authorization, JsonNode body, String wamid) {
        public String to() {
            return body.path("to").asText();
        }

        public String text() {
            return body.path("text").path("body").asText();
        }

        /** The {@code {phoneId}} of {@code POST /v25.0/{phoneId}/messages}. */
        public String phoneId() {
            String[] segments = path.split("/");
            return segments.length >= 2 ? segments[segments.length - 2] : "";
        }

        public String callbackData() {
            return body.path("biz_opaque_callback_data").asText("");
        }
    }

    public FakeGraph start() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getUrl().encodedPath();
                if (path.endsWith("/media")) {
                    return upload(request);
                }
                String raw = request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
                JsonNode parsed = parse(raw);
                if (parsed.path("status").asText().equals("read")) {
                    return typing(request, parsed);
                }
                int[] failure = failures.poll();
                String authorization = request.getHeaders().get("Authorization");
                if (failure != null) {
                    attempts.add(new Attempt(
                            request.getUrl().encodedPath(), authorization, parse(raw), failure[0], System.nanoTime()));
                    return new MockResponse.Builder()
                            .code(failure[0])
                            .setHeader("Content-Type", "application/json")
                            .body("{\"error\":{\"message\":\"scripted failure\",\"type\":\"OAuthException\","
                                    + "\"code\":" + failure[1] + ",\"fbtrace_id\":\"Axyz\"}}")
                            .build();
                }
                attempts.add(
                        new Attempt(request.getUrl().encodedPath(), authorization, parse(raw), 200, System.nanoTime()));
                String wamid = "wamid.OUT" + ids.incrementAndGet();
                Send send = new Send(
                        request.getUrl().encodedPath(), request.getHeaders().get("Authorization"), parse(raw), wamid);
                sends.add(send);
                echo.ifPresent(e -> e.sent(
                        send.phoneId(),
                        wamid,
                        send.to(),
                        send.body().path("biz_opaque_callback_data").asText("")));
                MockResponse.Builder answer = new MockResponse.Builder().code(200);
                if (loseAnswers) {
                    answer.onResponseStart(SocketEffect.ShutdownConnection.INSTANCE);
                }
                return answer.setHeader("Content-Type", "application/json")
                        .headersDelay(answerDelay.toMillis(), TimeUnit.MILLISECONDS)
                        .body("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\",\"wa_id\":\"x\"}],"
                                + "\"messages\":[{\"id\":\"" + wamid + "\"}]}")
                        .build();
            }
        });
        server.start();
        return this;
    }

    /** A read receipt with typing indicator (CONTRACT §3.5): recorded apart from sends, answered with {@link #typingStatus}. */
    private MockResponse typing(RecordedRequest request, JsonNode body) {
        int status = typingStatus;
        typings.add(new Typing(
                request.getUrl().encodedPath(),
                request.getHeaders().get("Authorization"),
                body,
                status,
                System.nanoTime()));
        String answer = status == 200
                ? "{\"success\":true}"
                : "{\"error\":{\"message\":\"scripted typing failure\","
                        + "\"type\":\"OAuthException\",\"code\":1,\"fbtrace_id\":\"Axyz\"}}";
        return new MockResponse.Builder()
                .code(status)
                .setHeader("Content-Type", "application/json")
                .headersDelay(typingDelay.toMillis(), TimeUnit.MILLISECONDS)
                .body(answer)
                .build();
    }

    /** A media upload ({@code POST /{phoneId}/media}, multipart): recorded apart from sends, answered with a media id. */
    private MockResponse upload(RecordedRequest request) {
        byte[] bytes =
                request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
        String id = "media-" + ids.incrementAndGet();
        uploads.add(new Upload(
                request.getUrl().encodedPath(),
                request.getHeaders().get("Authorization"),
                request.getHeaders().get("Content-Type"),
                new String(bytes, StandardCharsets.ISO_8859_1),
                id));
        return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/json")
                .body("{\"id\":\"" + id + "\"}")
                .build();
    }

    /** Typing requests are answered with HTTP {@code status} from now on (200 by default). */
    public FakeGraph answerTyping(int status) {
        typingStatus = status;
        return this;
    }

    /** Typing requests are answered only after {@code delay} from now on. */
    public FakeGraph delayTyping(Duration delay) {
        typingDelay = delay;
        return this;
    }

    /** The read-and-typing requests the gateway made, in order. */
    public List<Typing> typings() {
        return List.copyOf(typings);
    }

    /** The media uploads the gateway made, in order. */
    public List<Upload> uploads() {
        return List.copyOf(uploads);
    }

    /** The base URL to give as {@code FACEBOOK_GRAPH_URL} (with a version segment, as in production). */
    public String baseUrl() {
        return server.url("/v25.0").toString();
    }

    /** The next send is answered with HTTP {@code status} and Graph error {@code code} (queued, one per call). */
    public FakeGraph failNext(int status, int code) {
        failures.add(new int[] {status, code});
        return this;
    }

    /** Like Meta, posts a signed {@code sent} status of every accepted send to {@code webhookUrl} (see {@link MetaStatusEcho}). */
    public FakeGraph echoStatusesTo(String webhookUrl, Duration giveUpAfter) {
        echo = Optional.of(new MetaStatusEcho(webhookUrl, giveUpAfter));
        return this;
    }

    /** The statuses posted since {@link #echoStatusesTo}. */
    public MetaStatusEcho echo() {
        return echo.orElseThrow();
    }

    /** Accepted sends are answered only after {@code delay} (their status may reach the gateway first). */
    public FakeGraph delayAnswers(Duration delay) {
        answerDelay = delay;
        return this;
    }

    /** Accepted sends are recorded (and echoed) but their answer never arrives: the connection is shut down. */
    public FakeGraph loseAnswers() {
        loseAnswers = true;
        return this;
    }

    public List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    public List<Send> sends() {
        return List.copyOf(sends);
    }

    @Override
    public void close() {
        echo.ifPresent(MetaStatusEcho::close);
        server.close();
    }

    private static JsonNode parse(String raw) {
        try {
            return JSON.readTree(raw);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
