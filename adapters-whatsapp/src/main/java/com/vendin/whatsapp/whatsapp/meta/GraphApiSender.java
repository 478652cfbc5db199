package com.vendin.whatsapp.whatsapp.meta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.delivery.OutboundMessage;
import com.vendin.whatsapp.ports.delivery.OutboundText;
import com.vendin.whatsapp.ports.delivery.SendOutcome;
import com.vendin.whatsapp.ports.delivery.WhatsAppSender;
import com.vendin.whatsapp.whatsapp.http.BaseUrls;
import com.vendin.whatsapp.whatsapp.http.ProviderCall;
import com.vendin.whatsapp.whatsapp.http.ProviderJson;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends text messages through Meta's WhatsApp Cloud API ({@code POST {graph}/{phoneId}/messages}, CONTRACT §4). */
public final class GraphApiSender implements WhatsAppSender {
    /** Default of {@code FACEBOOK_GRAPH_URL}: the Graph API base, version included. */
    public static final String DEFAULT_BASE_URL = "https://graph.facebook.com/v25.0";

    private static final Logger LOG = LoggerFactory.getLogger(GraphApiSender.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient client;
    private final HttpUrl baseUrl;

    /** @param graphBaseUrl {@code FACEBOOK_GRAPH_URL}, e.g. {@code https://graph.facebook.com/v25.0} (trailing slash optional) */
    public GraphApiSender(OkHttpClient client, String graphBaseUrl) {
        this.client = Objects.requireNonNull(client, "client");
        this.baseUrl = BaseUrls.parse(graphBaseUrl, "FACEBOOK_GRAPH_URL");
    }

    @Override
    public SendOutcome send(OutboundText message) {
        Optional<String> phoneId = message.from().phoneId().filter(id -> !id.isBlank());
        Optional<Secret> token = message.from().accessToken();
        SendOutcome outcome = phoneId.isPresent() && token.isPresent()
                ? post(phoneId.get(), token.get(), message)
                : new SendOutcome.Failed(
                        "not_configured", "the sending number has no Meta phone id or access token", false, false);
        log(phoneId.orElse("-"), outcome);
        return outcome;
    }

    /** Sends a reply part of any kind (CONTRACT §3.1); a media part goes by its uploaded id. */
    @Override
    public SendOutcome send(OutboundMessage message) {
        Optional<String> phoneId = message.from().phoneId().filter(id -> !id.isBlank());
        Optional<Secret> token = message.from().accessToken();
        Optional<String> body = GraphContent.body(message);
        SendOutcome outcome;
        if (phoneId.isEmpty() || token.isEmpty()) {
            outcome = new SendOutcome.Failed(
                    "not_configured", "the sending number has no Meta phone id or access token", false, false);
        } else if (body.isEmpty()) {
            outcome = new SendOutcome.Failed(
                    "unsupported",
                    "Meta cannot send a " + message.content().type() + " item of this kind",
                    false,
                    false);
        } else {
            outcome = postMessage(client, baseUrl, phoneId.get(), token.get(), body.get());
        }
        log(phoneId.orElse("-"), outcome);
        return outcome;
    }

    private SendOutcome post(String phoneId, Secret token, OutboundText message) {
        return postMessage(client, baseUrl, phoneId, token, body(message));
    }

    /** POSTs a message body to {@code /{phoneId}/messages} with the bearer token and reads Meta's answer. */
    static SendOutcome postMessage(OkHttpClient client, HttpUrl baseUrl, String phoneId, Secret token, String json) {
        Request request;
        try {
            request = new Request.Builder()
                    .url(BaseUrls.join(baseUrl, phoneId, "messages"))
                    .header("Authorization", "Bearer " + token.reveal())
                    .header("Accept", "application/json")
                    .post(RequestBody.create(json, JSON))
                    .build();
        } catch (IllegalArgumentException e) {
            return new SendOutcome.Failed(
                    "not_configured", "the access token is not a valid header value", false, false);
        }
        return ProviderCall.execute(client, request, GraphApiSender::interpret);
    }

    static String body(OutboundText message) {
        ObjectNode root = GraphRecipients.address(
                        ProviderJson.mapper().createObjectNode().put("messaging_product", "whatsapp"), message.to())
                .put("type", "text");
        root.putObject("text").put("body", message.text()).put("preview_url", false);
        message.correlationId().ifPresent(id -> root.put("biz_opaque_callback_data", id));
        try {
            return ProviderJson.mapper().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree of strings always serialises", e);
        }
    }

    static SendOutcome interpret(ProviderCall.Reply reply) {
        if (!reply.successful()) {
            return GraphErrors.classify(reply);
        }
        Optional<String> id = ProviderJson.object(reply)
                .map(json -> json.path("messages").path(0).path("id"))
                .flatMap(ProviderJson::text);
        return id.<SendOutcome>map(SendOutcome.Accepted::new)
                .orElseGet(() -> new SendOutcome.Failed(
                        "invalid_response",
                        "HTTP " + reply.status() + " from the Graph API without messages[0].id",
                        false,
                        false));
    }

    private static void log(String phoneId, SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Accepted accepted) {
            LOG.info(
                    "whatsapp send provider=facebook phoneId={} outcome=accepted id={}",
                    phoneId,
                    accepted.providerMessageId());
        } else if (outcome instanceof SendOutcome.Failed failed) {
            LOG.info(
                    "whatsapp send provider=facebook phoneId={} outcome=failed code={} retryable={} reauth={}",
                    phoneId,
                    failed.code(),
                    failed.retryable(),
                    failed.reauthRequired());
        }
    }
}
