package com.vendin.whatsapp.whatsapp.meta;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.delivery.SendOutcome;
import com.vendin.whatsapp.ports.delivery.SenderAccount;
import com.vendin.whatsapp.ports.delivery.TypingIndicator;
import com.vendin.whatsapp.whatsapp.http.BaseUrls;
import com.vendin.whatsapp.whatsapp.http.ProviderCall;
import com.vendin.whatsapp.whatsapp.http.ProviderJson;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks an inbound message read and shows "typing…" on Meta ({@code POST /{phoneId}/messages} with
 * {@code status: read} and {@code typing_indicator}, CONTRACT §3.5, Meta docs: "Typing indicators"), with a short
 * timeout; a failure is logged and otherwise ignored.
 */
public final class GraphTypingIndicator implements TypingIndicator {
    /** The longest one indicator call may take. */
    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static final int POOLED = 4;
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final Logger LOG = LoggerFactory.getLogger(GraphTypingIndicator.class);

    private final OkHttpClient client;
    private final HttpUrl baseUrl;

    /**
     * Shares {@code base}'s dispatcher and settings, with the {@link #TIMEOUT} and a connection pool of its own: the
     * indicator's calls never leave behind (or take) the keep-alive connections sends use, whose reuse OkHttp answers
     * with a silent resend when a pooled connection drops.
     */
    public GraphTypingIndicator(OkHttpClient base, String graphBaseUrl) {
        this.client = Objects.requireNonNull(base, "base")
                .newBuilder()
                .callTimeout(TIMEOUT)
                .connectionPool(new ConnectionPool(POOLED, 1, TimeUnit.MINUTES))
                .connectTimeout(TIMEOUT)
                .readTimeout(TIMEOUT)
                .writeTimeout(TIMEOUT)
                .build();
        this.baseUrl = BaseUrls.parse(graphBaseUrl, "FACEBOOK_GRAPH_URL");
    }

    @Override
    public void show(SenderAccount from, String inboundMessageId) {
        Optional<String> phoneId = from.phoneId().filter(id -> !id.isBlank());
        Optional<Secret> token = from.accessToken();
        if (phoneId.isEmpty() || token.isEmpty()) {
            return;
        }
        SendOutcome outcome;
        try {
            Request request = new Request.Builder()
                    .url(BaseUrls.join(baseUrl, phoneId.get(), "messages"))
                    .header("Authorization", "Bearer " + token.get().reveal())
                    .header("Accept", "application/json")
                    .post(RequestBody.create(body(inboundMessageId), JSON))
                    .build();
            outcome = ProviderCall.execute(
                    client,
                    request,
                    reply -> reply.successful()
                            ? new SendOutcome.Accepted(inboundMessageId)
                            : GraphErrors.classify(reply));
        } catch (IllegalArgumentException e) {
            outcome = new SendOutcome.Failed(
                    "not_configured", "the access token is not a valid header value", false, false);
        }
        if (outcome instanceof SendOutcome.Failed failed) {
            LOG.info(
                    "typing indicator provider=facebook phoneId={} message={} failed code={}",
                    phoneId.get(),
                    inboundMessageId,
                    failed.code());
        }
    }

    static String body(String inboundMessageId) {
        ObjectNode root = ProviderJson.mapper()
                .createObjectNode()
                .put("messaging_product", "whatsapp")
                .put("status", "read")
                .put("message_id", inboundMessageId);
        root.putObject("typing_indicator").put("type", "text");
        return root.toString();
    }
}
