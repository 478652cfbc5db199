package com.vendin.whatsapp.http.tenant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vendin.whatsapp.http.common.GatewayJson;
import com.vendin.whatsapp.ports.delivery.TenantEndpoint;
import com.vendin.whatsapp.ports.status.NotifyOutcome;
import com.vendin.whatsapp.ports.status.StatusNotifier;
import com.vendin.whatsapp.ports.status.TenantStatusEvent;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
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

/**
 * Posts a part's change of state to its tenant (CONTRACT §3.4): {@code POST {instanceUrl}/webhooks/whatsapp/status}
 * {@code {"tenantId","messageId","replyTo"?,"status","errorCode"?,"timestamp"}}, signed as messages are (§3).
 */
public final class SignedStatusClient implements StatusNotifier {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final String STATUS_PATH = "webhooks/whatsapp/status";

    private final OkHttpClient client;
    private final Clock clock;
    private final ObjectMapper mapper = GatewayJson.newMapper();

    /** Shares {@code base}'s pool, with the CONTRACT timeouts of tenant calls. */
    public SignedStatusClient(OkHttpClient base, Clock clock) {
        this(base, clock, SignedTenantClient.CONNECT_TIMEOUT, SignedTenantClient.CALL_TIMEOUT);
    }

    public SignedStatusClient(OkHttpClient base, Clock clock, Duration connectTimeout, Duration callTimeout) {
        this.client = base.newBuilder()
                .connectTimeout(connectTimeout)
                .readTimeout(callTimeout)
                .writeTimeout(callTimeout)
                .callTimeout(callTimeout)
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public NotifyOutcome notify(TenantEndpoint endpoint, TenantStatusEvent event) {
        Optional<HttpUrl> url = statusUrl(endpoint.instanceUrl());
        if (url.isEmpty()) {
            return new NotifyOutcome.Rejected("the instance URL is not an http(s) URL");
        }
        byte[] body = body(event);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        Request call = new Request.Builder()
                .url(url.get())
                .post(RequestBody.create(body, JSON))
                .header(SignedTenantClient.TENANT_HEADER, endpoint.tenantId().value())
                .header(SignedTenantClient.TIMESTAMP_HEADER, timestamp)
                .header(
                        SignedTenantClient.SIGNATURE_HEADER,
                        "v1="
                                + SignedTenantClient.sign(
                                        endpoint.instanceSecret().reveal(), timestamp, body))
                .build();
        try (Response response = client.newCall(call).execute()) {
            return classify(response.code());
        } catch (InterruptedIOException e) {
            return new NotifyOutcome.Retryable("timeout calling the tenant instance");
        } catch (IOException e) {
            return new NotifyOutcome.Retryable(
                    "could not reach the tenant instance: " + e.getClass().getSimpleName());
        }
    }

    static NotifyOutcome classify(int code) {
        if (code >= 200 && code < 300) {
            return new NotifyOutcome.Accepted();
        }
        if (code == 404) {
            return new NotifyOutcome.Declined();
        }
        if (code >= 500 || code == 408 || code == 429) {
            return new NotifyOutcome.Retryable("tenant answered HTTP " + code);
        }
        return new NotifyOutcome.Rejected("tenant answered HTTP " + code);
    }

    byte[] body(TenantStatusEvent event) {
        ObjectNode body = mapper.createObjectNode();
        body.put("tenantId", event.tenantId().value());
        body.put("messageId", event.partId());
        event.replyTo().ifPresent(id -> body.put("replyTo", id));
        body.put("status", event.status().wireName());
        event.errorCode().ifPresent(code -> body.put("errorCode", code));
        body.put("timestamp", event.timestamp().toString());
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise a status payload", e);
        }
    }

    static Optional<HttpUrl> statusUrl(URI instanceUrl) {
        return Optional.ofNullable(HttpUrl.parse(instanceUrl.toString())).map(base -> {
            String path = base.encodedPath();
            return base.newBuilder()
                    .encodedPath((path.endsWith("/") ? path : path + "/") + STATUS_PATH)
                    .build();
        });
    }
}
