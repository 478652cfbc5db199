package com.vendin.whatsapp.http.twilio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vendin.whatsapp.http.RouteGroup;
import com.vendin.whatsapp.http.common.ApiErrors;
import com.vendin.whatsapp.http.common.BoundedBody;
import com.vendin.whatsapp.http.common.FlushedResponse;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.delivery.PartCorrelation;
import com.vendin.whatsapp.ports.identity.UserIds;
import com.vendin.whatsapp.ports.inbound.BatchReceipt;
import com.vendin.whatsapp.ports.inbound.Destination;
import com.vendin.whatsapp.ports.inbound.InboundBatch;
import com.vendin.whatsapp.ports.inbound.InboundMessage;
import com.vendin.whatsapp.ports.inbound.ReceiveWebhook;
import com.vendin.whatsapp.ports.inbound.StatusUpdate;
import com.vendin.whatsapp.ports.inbound.TwilioSigningKeys;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Twilio's webhook (CONTRACT §2.2): a bounded form body, {@code X-Twilio-Signature} checked over the
 * public URL with the token of the account that owns the number, then the message or status recorded
 * before the empty TwiML (or, for a status callback, 204) answer.
 */
public final class TwilioWebhookRoutes implements RouteGroup {
    public static final String PATH = "/webhooks/whatsapp/twilio";
    static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";
    private static final Logger LOG = LoggerFactory.getLogger(TwilioWebhookRoutes.class);

    private final Optional<URI> publicUrl;
    private final long maxBytes;
    private final TwilioSigningKeys keys;
    private final ReceiveWebhook receiver;
    private final TwilioContentMapper contents;
    private final ApiErrors errors;
    private final Clock clock;

    /** @param publicUrl {@code GATEWAY_PUBLIC_URL}; unset means {@code http://localhost:<port the request came in on>} */
    public TwilioWebhookRoutes(
            Optional<URI> publicUrl,
            long maxBytes,
            TwilioSigningKeys keys,
            ReceiveWebhook receiver,
            ObjectMapper mapper,
            ApiErrors errors,
            Clock clock) {
        this.publicUrl = Objects.requireNonNull(publicUrl, "publicUrl");
        this.maxBytes = maxBytes;
        this.keys = Objects.requireNonNull(keys, "keys");
        this.receiver = Objects.requireNonNull(receiver, "receiver");
        this.contents = new TwilioContentMapper(mapper);
        this.errors = Objects.requireNonNull(errors, "errors");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post(PATH, this::receive);
    }

    private void receive(Context ctx) {
        byte[] body = BoundedBody.read(ctx, maxBytes);
        TwilioForm form = TwilioForm.parse(body);
        String url = PublicUrls.requested(base(ctx), ctx.path(), Optional.ofNullable(ctx.queryString()));
        List<Secret> tokens = keys.candidates(form.text("To"), form.text("From"), form.get("AccountSid"));
        if (!signed(url, body, form, ctx.header(TwilioSignature.HEADER), tokens)) {
            LOG.warn(
                    "refused a Twilio webhook with a missing or wrong signature ({} candidate token(s), {} bytes)",
                    tokens.size(),
                    body.length);
            errors.write(
                    ctx,
                    401,
                    "invalid_signature",
                    "The X-Twilio-Signature header is missing or wrong.",
                    Optional.empty());
            return;
        }
        String sid = form.get("MessageSid")
                .or(() -> form.get("SmsSid"))
                .orElseThrow(() -> GatewayRejection.invalid("missing_message_sid", "The request has no MessageSid."));
        Instant now = clock.instant();
        boolean statusCallback = form.has("MessageStatus");
        Optional<String> correlationId = Optional.ofNullable(ctx.queryParam(PartCorrelation.QUERY_PARAMETER))
                .filter(id -> !id.isBlank());
        InboundBatch batch = statusCallback
                ? statusBatch(form, sid, now, correlationId)
                : new InboundBatch(List.of(message(form, sid, now)), List.of());
        Optional<BatchReceipt> receipt;
        try {
            receipt = batch.messages().isEmpty() && batch.statuses().isEmpty()
                    ? Optional.empty()
                    : Optional.of(receiver.receive(batch));
        } catch (RuntimeException e) {
            LOG.error("could not record Twilio {} {}; answering 500", statusCallback ? "status" : "message", sid, e);
            errors.write(ctx, 500, "receive_failed", "The webhook could not be recorded; try again.", Optional.empty());
            return;
        }
        if (statusCallback) {
            FlushedResponse.send(ctx, 204, null, new byte[0]);
        } else {
            FlushedResponse.send(ctx, 200, "text/xml", EMPTY_TWIML.getBytes(StandardCharsets.UTF_8));
        }
        receipt.ifPresent(r -> receiver.acknowledged(batch, r));
    }

    /** A JSON body is signed through its {@code bodySHA256} URL parameter; a form body through its fields. */
    private static boolean signed(String url, byte[] body, TwilioForm form, String header, List<Secret> tokens) {
        if (url.contains("bodySHA256=")) {
            return TwilioSignature.bodyHashMatches(url, body)
                    && TwilioSignature.isValid(url, java.util.Map.of(), header, tokens);
        }
        return TwilioSignature.isValid(url, form.fields(), header, tokens);
    }

    private String base(Context ctx) {
        return publicUrl
                .map(URI::toString)
                .orElseGet(() -> "http://localhost:" + ctx.req().getLocalPort());
    }

    /**
     * One message with every identity field optional (CONTRACT §2.4): {@code From} is the phone
     * ({@code whatsapp:+...}) or a BSUID ({@code whatsapp:US.1234}); {@code ExternalUserId} and
     * {@code ParentExternalUserId} name the BSUIDs, {@code ProfileUsername} (or {@code Username}) the username. A
     * message without any identity is still returned: routing records it as {@code invalid_sender}.
     */
    private InboundMessage message(TwilioForm form, String sid, Instant now) {
        String to = form.get("To").orElseThrow(() -> GatewayRejection.invalid("missing_to", "The request has no To."));
        Optional<String> rawFrom = form.get("From").filter(f -> !f.isBlank());
        Optional<String> userIdInFrom = rawFrom.flatMap(UserIds::parse);
        Optional<String> userId =
                form.get("ExternalUserId").flatMap(UserIds::parse).or(() -> userIdInFrom);
        String from = rawFrom.filter(f -> userIdInFrom.isEmpty()).orElse("");
        Optional<String> username =
                form.get("ProfileUsername").or(() -> form.get("Username")).filter(u -> !u.isBlank());
        return new InboundMessage(
                Provider.TWILIO,
                sid,
                from,
                new Destination(Optional.empty(), to),
                now,
                contents.map(form),
                form.get("ProfileName"),
                userId,
                form.get("ParentExternalUserId").flatMap(UserIds::parse),
                username);
    }

    private static InboundBatch statusBatch(TwilioForm form, String sid, Instant now, Optional<String> correlationId) {
        Optional<StatusUpdate> update = TwilioStatuses.read(form, sid, now, correlationId);
        if (update.isEmpty()) {
            LOG.debug("ignored Twilio status '{}' of {}", form.text("MessageStatus"), sid);
        }
        return new InboundBatch(List.of(), update.stream().toList());
    }
}
