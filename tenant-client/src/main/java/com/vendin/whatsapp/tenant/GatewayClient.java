package com.vendin.whatsapp.tenant;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The gateway's send API for a tenant's own instance (docs/CONTRACT.md §3.2):
 * {@code POST {gateway}/api/v1/tenants/{id}/messages}, signed with {@code X-Vendin-Timestamp} and
 * {@code X-Vendin-Signature} over the body, keyed with the tenant's {@code instanceSecret}. Use it for
 * messages the tenant starts, or for an answer that took longer than the 30 s of a call ({@code replyTo}).
 */
public final class GatewayClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI gateway;
    private final String tenantId;
    private final Signer signer;
    private final Clock clock;

    /** With a new HTTP/1.1 {@link HttpClient} (connect timeout 5 s) and the system clock. */
    public GatewayClient(URI gateway, String tenantId, String instanceSecret) {
        this(
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build(),
                gateway,
                tenantId,
                instanceSecret,
                Clock.systemUTC());
    }

    public GatewayClient(HttpClient http, URI gateway, String tenantId, String instanceSecret, Clock clock) {
        this.http = Objects.requireNonNull(http, "http");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.signer = new Signer(instanceSecret);
        this.clock = Objects.requireNonNull(clock, "clock");
        if (!"http".equals(gateway.getScheme()) && !"https".equals(gateway.getScheme())) {
            throw new IllegalArgumentException("the gateway URL must be http or https: " + gateway);
        }
    }

    /** One message to send: {@code to} is an E.164 phone or a BSUID; {@code replyTo} an inbound messageId. */
    public record Send(String to, Reply messages, Optional<String> replyTo, Optional<String> idempotencyKey) {
        public Send {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(messages, "messages");
            Objects.requireNonNull(replyTo, "replyTo");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
            if (messages.items().isEmpty()) {
                throw new IllegalArgumentException("nothing to send");
            }
        }

        public static Send to(String to, Reply messages) {
            return new Send(to, messages, Optional.empty(), Optional.empty());
        }

        public Send replyingTo(String inboundMessageId) {
            return new Send(to, messages, Optional.of(inboundMessageId), idempotencyKey);
        }

        public Send withIdempotencyKey(String key) {
            return new Send(to, messages, replyTo, Optional.of(key));
        }

        /** The request body of §3.2. */
        public String toJson() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("to", to);
            body.put("messages", messages.items());
            replyTo.ifPresent(id -> body.put("replyTo", id));
            idempotencyKey.ifPresent(key -> body.put("idempotencyKey", key));
            return Json.write(body);
        }
    }

    /** The 202 answer: the send's id and one part per item with its state. */
    public record Accepted(String id, List<Part> parts) {
        public Accepted {
            Objects.requireNonNull(id, "id");
            parts = List.copyOf(parts);
        }
    }

    public record Part(String id, String state) {}

    /** A non-2xx answer of the gateway, with its error code ({@code outside_service_window}, ...). */
    public static final class GatewayException extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final String code;

        GatewayException(int status, String code, String message) {
            super("gateway answered " + status + " " + code + ": " + message);
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }

    /** Sends and returns the gateway's 202 answer; {@link GatewayException} for any other status. */
    public Accepted send(Send send) throws IOException, InterruptedException {
        byte[] body = send.toJson().getBytes(StandardCharsets.UTF_8);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(messagesUri())
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header(SignatureVerifier.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(SignatureVerifier.SIGNATURE_HEADER, signer.sign(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() / 100 != 2) {
            throw error(response);
        }
        return accepted(response.body());
    }

    URI messagesUri() {
        String base = gateway.toString();
        String slash = base.endsWith("/") ? "" : "/";
        String id = URLEncoder.encode(tenantId, StandardCharsets.UTF_8).replace("+", "%20");
        return URI.create(base + slash + "api/v1/tenants/" + id + "/messages");
    }

    private static Accepted accepted(String body) throws IOException {
        try {
            Fields answer = Fields.of(Json.parseObject(body));
            List<Part> parts = new ArrayList<>();
            if (answer.map().get("parts") instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof Map<?, ?> map) {
                        @SuppressWarnings("unchecked")
                        Fields part = Fields.of((Map<String, Object>) map);
                        parts.add(new Part(part.textOrEmpty("id"), part.textOrEmpty("state")));
                    }
                }
            }
            return new Accepted(answer.textOrEmpty("id"), parts);
        } catch (IllegalArgumentException e) {
            throw new IOException("the gateway's answer is not the JSON of §3.2: " + e.getMessage(), e);
        }
    }

    private static GatewayException error(HttpResponse<String> response) {
        String code = "http_" + response.statusCode();
        String message = "";
        try {
            Optional<Map<String, Object>> error =
                    Fields.of(Json.parseObject(response.body())).object("error");
            if (error.isPresent()) {
                code = Fields.of(error.get()).text("code").orElse(code);
                message = Fields.of(error.get()).textOrEmpty("message");
            }
        } catch (IllegalArgumentException e) {
            // not the JSON error shape: keep the status
        }
        return new GatewayException(response.statusCode(), code, message);
    }
}
