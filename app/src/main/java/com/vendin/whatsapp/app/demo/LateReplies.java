package com.vendin.whatsapp.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vendin.whatsapp.ports.common.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A demo agent that needs time (CONTRACT §3.2): it has answered the gateway's call with no text, and
 * {@link #DELAY} later sends its answer through {@code POST /api/v1/tenants/{id}/messages}, signed with the store's
 * own instanceSecret, with {@code replyTo} the customer's message. It remembers the parts the gateway queued so
 * the outbox can tell these replies apart.
 */
public final class LateReplies {
    /** How long the agent "thinks": well under the 20 s {@code simulate} waits by default. */
    public static final Duration DELAY = Duration.ofSeconds(3);
    /** One more try after a refused connection or a 5xx, with the same idempotency key. */
    private static final Duration RETRY = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(LateReplies.class);

    /** One answer to send: {@code store} writes {@code text} {@code to} the customer, in reply to {@code replyTo}. */
    public record Late(String store, String to, String replyTo, String text) {
        public Late {
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(replyTo, "replyTo");
            Objects.requireNonNull(text, "text");
        }
    }

    private final DemoStores stores;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final Duration delay;
    /** Part number (the n of {@code out-<n>}) to the inbound message it answers. */
    private final Map<Long, String> sentParts = new ConcurrentHashMap<>();

    public LateReplies(
            DemoStores stores,
            HttpClient http,
            ScheduledExecutorService scheduler,
            Clock clock,
            ObjectMapper mapper,
            Duration delay) {
        this.stores = Objects.requireNonNull(stores, "stores");
        this.http = Objects.requireNonNull(http, "http");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.delay = Objects.requireNonNull(delay, "delay");
    }

    /** Sends {@code late} after the delay, on the scheduler. */
    public void schedule(Late late) {
        scheduler.schedule(() -> sendNow(late, true), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The inbound message the part numbered {@code part} answers, when it is one of these late replies. */
    public Optional<String> replyToOfPart(long part) {
        return Optional.ofNullable(sentParts.get(part));
    }

    /** Posts {@code late} now; true when the gateway accepted it (202). */
    boolean sendNow(Late late, boolean retry) {
        Optional<String> base = stores.baseUrl();
        Optional<Secret> secret = stores.secret(late.store());
        if (base.isEmpty() || secret.isEmpty()) {
            LOG.warn("demo agent {} cannot send its late reply: the store is not seeded", late.store());
            return false;
        }
        ObjectNode body = mapper.createObjectNode().put("to", late.to());
        body.putArray("messages").addObject().put("type", "text").put("text", late.text());
        body.put("replyTo", late.replyTo()).put("idempotencyKey", "demo-late-" + late.replyTo());
        String raw = body.toString();
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(base.get() + "/api/v1/tenants/" + late.store() + "/messages"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Vendin-Timestamp", timestamp)
                .header("X-Vendin-Signature", "v1=" + sign(secret.get(), timestamp, raw))
                .POST(HttpRequest.BodyPublishers.ofString(raw, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<String> response =
                    http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() == 202) {
                for (JsonNode part : mapper.readTree(response.body()).path("parts")) {
                    partNumber(part.path("id").asText()).ifPresent(n -> sentParts.put(n, late.replyTo()));
                }
                return true;
            }
            LOG.warn(
                    "demo agent {}: the send API answered HTTP {} {}",
                    late.store(),
                    response.statusCode(),
                    response.body());
            if (response.statusCode() >= 500 && retry) {
                scheduler.schedule(() -> sendNow(late, false), RETRY.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (IOException e) {
            LOG.warn("demo agent {}: the send API could not be reached: {}", late.store(), e.toString());
            if (retry) {
                scheduler.schedule(() -> sendNow(late, false), RETRY.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** {@code v1=} + this hex: HMAC-SHA256 of {@code "<timestamp>.<raw body>"} keyed with the instanceSecret (§3). */
    static String sign(Secret secret, String timestamp, String raw) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + raw).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** The n of a part id {@code out-<n>}. */
    private static Optional<Long> partNumber(String id) {
        if (!id.matches("out-[0-9]{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(id.substring("out-".length())));
    }
}
