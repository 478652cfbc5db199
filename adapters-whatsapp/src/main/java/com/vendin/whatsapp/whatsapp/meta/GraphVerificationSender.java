package com.vendin.whatsapp.whatsapp.meta;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.delivery.SendOutcome;
import com.vendin.whatsapp.ports.otp.VerificationCode;
import com.vendin.whatsapp.ports.otp.VerificationCodeSender;
import com.vendin.whatsapp.whatsapp.http.BaseUrls;
import com.vendin.whatsapp.whatsapp.http.ProviderJson;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends verification codes through the Graph API: as an authentication template (the code as the body
 * parameter and the copy-code button's parameter) when one is named, else as a text message.
 */
public final class GraphVerificationSender implements VerificationCodeSender {
    private static final Logger LOG = LoggerFactory.getLogger(GraphVerificationSender.class);

    private final OkHttpClient client;
    private final HttpUrl baseUrl;

    public GraphVerificationSender(OkHttpClient client, String graphBaseUrl) {
        this.client = Objects.requireNonNull(client, "client");
        this.baseUrl = BaseUrls.parse(graphBaseUrl, "FACEBOOK_GRAPH_URL");
    }

    @Override
    public SendOutcome send(VerificationCode message) {
        Optional<String> phoneId = message.from().phoneId().filter(id -> !id.isBlank());
        Optional<Secret> token = message.from().accessToken();
        SendOutcome outcome;
        if (phoneId.isEmpty() || token.isEmpty()) {
            outcome = new SendOutcome.Failed("not_configured", "no Meta phone id or access token", false, false);
        } else {
            outcome = post(phoneId.get(), token.get(), message);
        }
        LOG.info(
                "verification code send provider=facebook phoneId={} template={} outcome={}",
                phoneId.orElse("-"),
                message.metaTemplate().orElse("-"),
                describe(outcome));
        return outcome;
    }

    private SendOutcome post(String phoneId, Secret token, VerificationCode message) {
        return GraphApiSender.postMessage(client, baseUrl, phoneId, token, body(message));
    }

    static String body(VerificationCode message) {
        ObjectNode root = ProviderJson.mapper()
                .createObjectNode()
                .put("messaging_product", "whatsapp")
                .put("recipient_type", "individual")
                .put("to", message.to());
        if (message.metaTemplate().isPresent()) {
            root.put("type", "template");
            ObjectNode template = root.putObject("template")
                    .put("name", message.metaTemplate().get());
            template.putObject("language").put("code", message.language());
            ArrayNode components = template.putArray("components");
            components
                    .addObject()
                    .put("type", "body")
                    .putArray("parameters")
                    .addObject()
                    .put("type", "text")
                    .put("text", message.code());
            components
                    .addObject()
                    .put("type", "button")
                    .put("sub_type", "url")
                    .put("index", "0")
                    .putArray("parameters")
                    .addObject()
                    .put("type", "text")
                    .put("text", message.code());
        } else {
            root.put("type", "text");
            root.putObject("text").put("body", message.text()).put("preview_url", false);
        }
        try {
            return ProviderJson.mapper().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree of strings always serialises", e);
        }
    }

    static String describe(SendOutcome outcome) {
        return outcome instanceof SendOutcome.Failed failed ? "failed code=" + failed.code() : "accepted";
    }
}
