package com.vendin.whatsapp.http.tenant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vendin.whatsapp.http.common.GatewayJson;
import com.vendin.whatsapp.http.common.Hmac;
import com.vendin.whatsapp.ports.delivery.AgentOutcome;
import com.vendin.whatsapp.ports.delivery.AgentRequest;
import com.vendin.whatsapp.ports.delivery.TenantAgent;
import com.vendin.whatsapp.ports.delivery.TenantEndpoint;
import com.vendin.whatsapp.ports.media.MediaLinks;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls a tenant instance with one message (CONTRACT §3): {@code POST {instanceUrl}/webhooks/whatsapp},
 * signed with the tenant's instance secret; HTTP failures become outcomes, never exceptions.
 */
public final class SignedTenantClient implements TenantAgent {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    static final String TENANT_HEADER = "X-Vendin-Tenant";
    static final String TIMESTAMP_HEADER = "X-Vendin-Timestamp";
    static final String SIGNATURE_HEADER = "X-Vendin-Signature";
    private static final MediaType JSON = MediaType.get("application/json");
    private static final String WEBHOOK_PATH = "webhooks/whatsapp";
    private static final Logger LOG = LoggerFactory.getLogger(SignedTenantClient.class);

    private final OkHttpClient client;
    private final Clock clock;
    private final TenantPayload payload;
    private final TenantResponses responses;

    /** With its own HTTP client and the CONTRACT timeouts (connect 5 s, whole call 30 s). */
    public SignedTenantClient(Clock clock) {
        this(new OkHttpClient(), clock, CONNECT_TIMEOUT, CALL_TIMEOUT);
    }

    /** Shares {@code base}'s connection pool and dispatcher, with the CONTRACT timeouts. */
    public SignedTenantClient(OkHttpClient base, Clock clock) {
        this(base, clock, CONNECT_TIMEOUT, CALL_TIMEOUT);
    }

    /** Shares {@code base}'s pool, with the CONTRACT timeouts; media items carry a link made by {@code mediaLinks}. */
    public SignedTenantClient(OkHttpClient base, Clock clock, MediaLinks mediaLinks) {
        this(base, clock, CONNECT_TIMEOUT, CALL_TIMEOUT, mediaLinks);
    }

    /** Shares {@code base}'s pool, with the given timeouts (tests use short ones). */
    public SignedTenantClient(OkHttpClient base, Clock clock, Duration connectTimeout, Duration callTimeout) {
        this(base, clock, connectTimeout, callTimeout, MediaLinks.NONE);
    }

    /** Shares {@code base}'s pool, with the given timeouts; media items carry a link made by {@code mediaLinks}. */
    public SignedTenantClient(
            OkHttpClient base, Clock clock, Duration connectTimeout, Duration callTimeout, MediaLinks mediaLinks) {
        this.client = base.newBuilder()
                .connectTimeout(connectTimeout)
                .readTimeout(callTimeout)
                .writeTimeout(callTimeout)
                .callTimeout(callTimeout)
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
        this.clock = Objects.requireNonNull(clock, "clock");
        ObjectMapper mapper = GatewayJson.newMapper();
        this.payload = new TenantPayload(mapper, Objects.requireNonNull(mediaLinks, "mediaLinks"));
        this.responses = new TenantResponses(mapper);
    }

    @Override
    public AgentOutcome deliver(TenantEndpoint endpoint, AgentRequest request) {
        Optional<HttpUrl> url = webhookUrl(endpoint.instanceUrl());
        if (url.isEmpty()) {
            return new AgentOutcome.Rejected("the instance URL is not an http(s) URL");
        }
        byte[] body = payload.bytes(request);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        Request call = new Request.Builder()
                .url(url.get())
                .post(RequestBody.create(body, JSON))
                .header(TENANT_HEADER, endpoint.tenantId().value())
                .header(TIMESTAMP_HEADER, timestamp)
                .header(SIGNATURE_HEADER, "v1=" + sign(endpoint.instanceSecret().reveal(), timestamp, body))
                .build();
        try (Response response = client.newCall(call).execute()) {
            return responses.classify(response);
        } catch (InterruptedIOException e) {
            LOG.info("tenant {} timed out on message {}", endpoint.tenantId(), request.messageId());
            return new AgentOutcome.Retryable("timeout calling the tenant instance");
        } catch (IOException e) {
            LOG.info("could not reach tenant {}: {}", endpoint.tenantId(), e.toString());
            return new AgentOutcome.Retryable(
                    "could not reach the tenant instance: " + e.getClass().getSimpleName());
        }
    }

    /** {@code "<timestamp>.<raw body>"} signed with the instance secret's UTF-8 bytes, in lowercase hex. */
    static String sign(String secret, String timestamp, byte[] body) {
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, message, 0, prefix.length);
        System.arraycopy(body, 0, message, prefix.length, body.length);
        return Hmac.sha256Hex(secret.getBytes(StandardCharsets.UTF_8), message);
    }

    /** {@code instanceUrl} + {@code /webhooks/whatsapp}, whether or not it has a path or a trailing slash. */
    static Optional<HttpUrl> webhookUrl(URI instanceUrl) {
        return Optional.ofNullable(HttpUrl.parse(instanceUrl.toString())).map(base -> {
            String path = base.encodedPath();
            String joined = (path.endsWith("/") ? path : path + "/") + WEBHOOK_PATH;
            return base.newBuilder().encodedPath(joined).build();
        });
    }
}
