package com.vendin.whatsapp.app.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * Meta's Graph API for Embedded Signup played by MockWebServer (docs/PROVIDERS.md §1.6): the code exchange,
 * the number's details, the app subscription and the registration, each of which can be made to fail;
 * also accepts message sends, so replies from a connected number go somewhere.
 */
public final class FakeMetaSignup implements AutoCloseable {
    public static final String VERSION = "/v25.0";

    /** The four steps, in the order the gateway must make them. */
    public enum Step {
        EXCHANGE,
        DETAILS,
        SUBSCRIBE,
        REGISTER
    }

    private final MockWebServer server = new MockWebServer();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final String businessToken;
    private final String phoneNumberId;
    private final String displayNumber;
    private volatile Optional<Step> failing = Optional.empty();

    /** One request the gateway made: which step (empty for a message send), and what it sent. */
    public record Call(Optional<Step> step, RecordedRequest request, String body) {
        public String path() {
            return request.getUrl().encodedPath();
        }

        public String query(String name) {
            return request.getUrl().queryParameter(name);
        }

        public String authorization() {
            return request.getHeaders().get("Authorization");
        }
    }

    public FakeMetaSignup(String businessToken, String phoneNumberId, String displayNumber) {
        this.businessToken = businessToken;
        this.phoneNumberId = phoneNumberId;
        this.displayNumber = displayNumber;
    }

    public FakeMetaSignup start() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
                Optional<Step> step = stepOf(request);
                calls.add(new Call(step, request, body));
                if (step.isPresent() && step.equals(failing)) {
                    return failure(step.get());
                }
                return step.map(s -> ok(answer(s)))
                        .orElseGet(() -> ok("{\"messaging_product\":\"whatsapp\"," + "\"messages\":[{\"id\":\"wamid.OUT"
                                + ids.incrementAndGet() + "\"}]}"));
            }
        });
        server.start();
        return this;
    }

    /** Makes {@code step} answer with a Graph API error from now on (empty: every step succeeds). */
    public void failAt(Optional<Step> step) {
        this.failing = step;
    }

    public String baseUrl() {
        return server.url(VERSION).toString();
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> steps() {
        return calls.stream().filter(c -> c.step().isPresent()).toList();
    }

    /** Message sends (read-and-typing requests, CONTRACT §3.5, are not sends). */
    public List<Call> sends() {
        return calls.stream()
                .filter(c -> c.step().isEmpty() && !c.body().contains("\"typing_indicator\""))
                .toList();
    }

    /** The Graph error code each step fails with. */
    public static String errorCode(Step step) {
        return switch (step) {
            case EXCHANGE -> "100";
            case DETAILS -> "190";
            case SUBSCRIBE -> "200";
            case REGISTER -> "133016";
        };
    }

    private static Optional<Step> stepOf(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String method = request.getMethod();
        if (path.endsWith("/oauth/access_token")) {
            return Optional.of(Step.EXCHANGE);
        }
        if (path.endsWith("/subscribed_apps")) {
            return Optional.of(Step.SUBSCRIBE);
        }
        if (path.endsWith("/register")) {
            return Optional.of(Step.REGISTER);
        }
        if ("GET".equals(method)) {
            return Optional.of(Step.DETAILS);
        }
        return Optional.empty();
    }

    private String answer(Step step) {
        return switch (step) {
            case EXCHANGE -> "{\"access_token\":\"" + businessToken + "\",\"token_type\":\"bearer\"}";
            case DETAILS ->
                "{\"verified_name\":\"Moda Brasil\",\"code_verification_status\":\"VERIFIED\","
                        + "\"display_phone_number\":\"" + displayNumber + "\",\"quality_rating\":\"GREEN\",\"id\":\""
                        + phoneNumberId + "\"}";
            case SUBSCRIBE, REGISTER -> "{\"success\":true}";
        };
    }

    private static MockResponse ok(String json) {
        return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/json")
                .body(json)
                .build();
    }

    private static MockResponse failure(Step step) {
        String code = errorCode(step);
        return new MockResponse.Builder()
                .code(400)
                .setHeader("Content-Type", "application/json")
                .body("{\"error\":{\"message\":\"(#" + code + ") step " + step
                        + " refused\",\"type\":\"OAuthException\"," + "\"code\":" + code + ",\"fbtrace_id\":\"AbC\"}}")
                .build();
    }

    @Override
    public void close() {
        server.close();
    }
}
