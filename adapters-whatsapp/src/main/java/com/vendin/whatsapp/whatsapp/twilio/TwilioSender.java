package com.vendin.whatsapp.whatsapp.twilio;

import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.delivery.OutboundMessage;
import com.vendin.whatsapp.ports.delivery.OutboundText;
import com.vendin.whatsapp.ports.delivery.PartCorrelation;
import com.vendin.whatsapp.ports.delivery.SendOutcome;
import com.vendin.whatsapp.ports.delivery.SenderAccount;
import com.vendin.whatsapp.ports.delivery.WhatsAppSender;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.whatsapp.http.BaseUrls;
import com.vendin.whatsapp.whatsapp.http.ProviderCall;
import com.vendin.whatsapp.whatsapp.http.ProviderJson;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends WhatsApp text messages through Twilio's Messages API ({@code POST .../Accounts/{sid}/Messages.json}, CONTRACT §4). */
public final class TwilioSender implements WhatsAppSender {
    /** Default of {@code TWILIO_API_URL}. */
    public static final String DEFAULT_BASE_URL = "https://api.twilio.com";

    private static final Logger LOG = LoggerFactory.getLogger(TwilioSender.class);

    private final OkHttpClient client;
    private final HttpUrl baseUrl;
    private final Optional<String> statusCallback;

    /** @param twilioApiUrl {@code TWILIO_API_URL}, e.g. {@code https://api.twilio.com} (trailing slash optional) */
    public TwilioSender(OkHttpClient client, String twilioApiUrl) {
        this(client, twilioApiUrl, Optional.empty());
    }

    /**
     * @param statusCallback the URL Twilio posts this message's status callbacks to (the gateway's public
     *                       Twilio webhook); sent as {@code StatusCallback} when present
     */
    public TwilioSender(OkHttpClient client, String twilioApiUrl, Optional<String> statusCallback) {
        this.client = Objects.requireNonNull(client, "client");
        this.baseUrl = BaseUrls.parse(twilioApiUrl, "TWILIO_API_URL");
        this.statusCallback = Objects.requireNonNull(statusCallback, "statusCallback");
    }

    @Override
    public SendOutcome send(OutboundText message) {
        SenderAccount account = message.from();
        Optional<String> sid = account.accountSid().filter(s -> !s.isBlank());
        Optional<PhoneNumber> number = account.number();
        Optional<Secret> token = account.authToken();
        SendOutcome outcome = sid.isPresent() && number.isPresent() && token.isPresent()
                ? post(sid.get(), token.get(), number.get(), message)
                : new SendOutcome.Failed(
                        "not_configured",
                        "the sending number has no Twilio number, account SID or auth token",
                        false,
                        false);
        log(number.map(PhoneNumber::e164).orElse("-"), outcome);
        return outcome;
    }

    /** Sends a reply part of any kind (CONTRACT §3.1), rendered by {@link TwilioContent}. */
    @Override
    public SendOutcome send(OutboundMessage message) {
        SenderAccount account = message.from();
        Optional<String> sid = account.accountSid().filter(s -> !s.isBlank());
        Optional<PhoneNumber> number = account.number();
        Optional<Secret> token = account.authToken();
        Optional<Map<String, String>> fields = TwilioContent.fields(message.content());
        SendOutcome outcome;
        if (sid.isEmpty() || number.isEmpty() || token.isEmpty()) {
            outcome = new SendOutcome.Failed(
                    "not_configured",
                    "the sending number has no Twilio number, account SID or auth token",
                    false,
                    false);
        } else if (fields.isEmpty()) {
            outcome = new SendOutcome.Failed(
                    "unsupported",
                    "Twilio cannot send a " + message.content().type() + " item of this kind",
                    false,
                    false);
        } else {
            FormBody.Builder form = new FormBody.Builder(StandardCharsets.UTF_8)
                    .add("From", WhatsAppAddress.of(number.get()))
                    .add("To", WhatsAppAddress.of(message.to()));
            fields.get().forEach(form::add);
            statusCallback.ifPresent(url -> form.add("StatusCallback", callbackUrl(url, message.correlationId())));
            outcome = postMessage(client, baseUrl, sid.get(), token.get(), form);
        }
        log(number.map(PhoneNumber::e164).orElse("-"), outcome);
        return outcome;
    }

    private SendOutcome post(String sid, Secret token, PhoneNumber from, OutboundText message) {
        FormBody.Builder form = new FormBody.Builder(StandardCharsets.UTF_8)
                .add("From", WhatsAppAddress.of(from))
                .add("To", WhatsAppAddress.of(message.to()))
                .add("Body", message.text());
        statusCallback.ifPresent(url -> form.add("StatusCallback", callbackUrl(url, message.correlationId())));
        return postMessage(client, baseUrl, sid, token, form);
    }

    /** POSTs a message form to {@code /2010-04-01/Accounts/{sid}/Messages.json} with basic auth and reads Twilio's answer. */
    static SendOutcome postMessage(
            OkHttpClient client, HttpUrl baseUrl, String sid, Secret token, FormBody.Builder form) {
        Request request;
        try {
            request = new Request.Builder()
                    .url(BaseUrls.join(baseUrl, "2010-04-01", "Accounts", sid, "Messages.json"))
                    .header("Authorization", Credentials.basic(sid, token.reveal(), StandardCharsets.UTF_8))
                    .header("Accept", "application/json")
                    .post(form.build())
                    .build();
        } catch (IllegalArgumentException e) {
            return new SendOutcome.Failed(
                    "not_configured", "the Twilio credentials are not a valid header value", false, false);
        }
        return ProviderCall.execute(client, request, TwilioSender::interpret);
    }

    /** The callback URL with the correlation id as its {@code gatewayPart} parameter (Twilio signs the whole URL). */
    static String callbackUrl(String url, Optional<String> correlationId) {
        HttpUrl parsed = HttpUrl.parse(url);
        if (correlationId.isEmpty() || parsed == null) {
            return url;
        }
        return parsed.newBuilder()
                .setQueryParameter(PartCorrelation.QUERY_PARAMETER, correlationId.get())
                .build()
                .toString();
    }

    static SendOutcome interpret(ProviderCall.Reply reply) {
        if (!reply.successful()) {
            return TwilioErrors.classify(reply);
        }
        return ProviderJson.object(reply)
                .flatMap(json -> ProviderJson.text(json.path("sid")))
                .<SendOutcome>map(SendOutcome.Accepted::new)
                .orElseGet(() -> new SendOutcome.Failed(
                        "invalid_response",
                        "HTTP " + reply.status() + " from Twilio without a message sid",
                        false,
                        false));
    }

    private static void log(String from, SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Accepted accepted) {
            LOG.info(
                    "whatsapp send provider=twilio from={} outcome=accepted id={}", from, accepted.providerMessageId());
        } else if (outcome instanceof SendOutcome.Failed failed) {
            LOG.info(
                    "whatsapp send provider=twilio from={} outcome=failed code={} retryable={}",
                    from,
                    failed.code(),
                    failed.retryable());
        }
    }
}
