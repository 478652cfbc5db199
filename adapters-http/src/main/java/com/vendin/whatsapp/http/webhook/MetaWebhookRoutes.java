package com.vendin.whatsapp.http.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vendin.whatsapp.http.RouteGroup;
import com.vendin.whatsapp.http.common.ApiErrors;
import com.vendin.whatsapp.http.common.BoundedBody;
import com.vendin.whatsapp.http.common.FlushedResponse;
import com.vendin.whatsapp.http.common.Hmac;
import com.vendin.whatsapp.http.common.JsonResponses;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.inbound.BatchReceipt;
import com.vendin.whatsapp.ports.inbound.InboundBatch;
import com.vendin.whatsapp.ports.inbound.ReceiveWebhook;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Meta's webhook (CONTRACT §2.1): the {@code GET} verification handshake, and the {@code POST} that is
 * size-checked, signature-checked on the raw bytes, parsed, and acknowledged only after it was recorded.
 */
public final class MetaWebhookRoutes implements RouteGroup {
    public static final String PATH = "/webhooks/whatsapp/facebook";
    private static final Logger LOG = LoggerFactory.getLogger(MetaWebhookRoutes.class);
    private static final byte[] SUCCESS = "{\"success\":true}".getBytes(StandardCharsets.UTF_8);

    private final Optional<String> verifyToken;
    private final long maxBytes;
    private final MetaSignature signature;
    private final MetaPayloadParser parser;
    private final ReceiveWebhook receiver;
    private final ApiErrors errors;

    public MetaWebhookRoutes(
            Optional<Secret> appSecret,
            Optional<String> verifyToken,
            long maxBytes,
            ReceiveWebhook receiver,
            ObjectMapper mapper,
            ApiErrors errors,
            Clock clock) {
        this.verifyToken = verifyToken;
        this.maxBytes = maxBytes;
        this.signature = new MetaSignature(appSecret);
        this.parser = new MetaPayloadParser(mapper, clock);
        this.receiver = receiver;
        this.errors = errors;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATH, this::verify);
        routes.post(PATH, this::receive);
    }

    private void verify(Context ctx) {
        String challenge = ctx.queryParam("hub.challenge");
        boolean subscribe = "subscribe".equals(ctx.queryParam("hub.mode"));
        boolean tokenMatches = verifyToken.isPresent()
                && Hmac.constantTimeEquals(verifyToken.get(), ctx.queryParam("hub.verify_token"));
        if (subscribe && tokenMatches && challenge != null) {
            ctx.status(200).contentType("text/plain").result(challenge);
            return;
        }
        LOG.warn(
                "refused a Meta webhook verification (mode subscribe: {}, token matches: {})", subscribe, tokenMatches);
        ctx.status(403).contentType("text/plain").result("Forbidden");
    }

    private void receive(Context ctx) {
        byte[] body = BoundedBody.read(ctx, maxBytes);
        if (!signature.isValid(ctx.header(MetaSignature.HEADER), body)) {
            LOG.warn("refused a Meta webhook with a missing or wrong signature ({} bytes)", body.length);
            errors.write(
                    ctx,
                    401,
                    "invalid_signature",
                    "The X-Hub-Signature-256 header is missing or wrong.",
                    Optional.empty());
            return;
        }
        ParsedPayload parsed = parser.parse(body);
        if (parsed.skipped() > 0) {
            LOG.warn("skipped {} malformed item(s) in a Meta webhook", parsed.skipped());
        }
        InboundBatch batch = parsed.batch();
        Optional<BatchReceipt> receipt;
        try {
            receipt = parsed.isEmpty() ? Optional.empty() : Optional.of(receiver.receive(batch));
        } catch (RuntimeException e) {
            LOG.error(
                    "could not record a Meta webhook of {} message(s) and {} status(es); answering 500 so Meta retries",
                    batch.messages().size(),
                    batch.statuses().size(),
                    e);
            errors.write(ctx, 500, "receive_failed", "The webhook could not be recorded; try again.", Optional.empty());
            return;
        }
        FlushedResponse.send(ctx, 200, JsonResponses.JSON, SUCCESS);
        receipt.ifPresent(r -> receiver.acknowledged(batch, r));
    }
}
