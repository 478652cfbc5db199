package com.vendin.whatsapp.whatsapp.twilio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.delivery.SendOutcome;
import com.vendin.whatsapp.ports.delivery.SenderAccount;
import com.vendin.whatsapp.ports.otp.VerificationCode;
import com.vendin.whatsapp.ports.otp.VerificationCodeSender;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.whatsapp.http.BaseUrls;
import com.vendin.whatsapp.whatsapp.http.ProviderJson;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends verification codes through Twilio's Messages API: as a content template
 * ({@code ContentSid}, {@code ContentVariables={"1":"<code>"}}) when one is named, else as a {@code Body}.
 */
public final class TwilioVerificationSender implements VerificationCodeSender {
    private static final Logger LOG = LoggerFactory.getLogger(TwilioVerificationSender.class);

    private final OkHttpClient client;
    private final HttpUrl baseUrl;

    public TwilioVerificationSender(OkHttpClient client, String twilioApiUrl) {
        this.client = Objects.requireNonNull(client, "client");
        this.baseUrl = BaseUrls.parse(twilioApiUrl, "TWILIO_API_URL");
    }

    @Override
    public SendOutcome send(VerificationCode message) {
        SenderAccount account = message.from();
        Optional<String> sid = account.accountSid().filter(s -> !s.isBlank());
        Optional<PhoneNumber> from = account.number();
        Optional<Secret> token = account.authToken();
        SendOutcome outcome = sid.isPresent() && from.isPresent() && token.isPresent()
                ? post(sid.get(), token.get(), from.get(), message)
                : new SendOutcome.Failed("not_configured", "no Twilio number, account SID or auth token", false, false);
        LOG.info(
                "verification code send provider=twilio from={} contentSid={} outcome={}",
                from.map(PhoneNumber::e164).orElse("-"),
                message.twilioContentSid().orElse("-"),
                outcome instanceof SendOutcome.Failed failed ? "failed code=" + failed.code() : "accepted");
        return outcome;
    }

    private SendOutcome post(String sid, Secret token, PhoneNumber from, VerificationCode message) {
        FormBody.Builder form = new FormBody.Builder(StandardCharsets.UTF_8)
                .add("From", WhatsAppAddress.of(from))
                .add("To", WhatsAppAddress.of(message.to()));
        if (message.twilioContentSid().isPresent()) {
            form.add("ContentSid", message.twilioContentSid().get()).add("ContentVariables", variables(message.code()));
        } else {
            form.add("Body", message.text());
        }
        return TwilioSender.postMessage(client, baseUrl, sid, token, form);
    }

    private static String variables(String code) {
        try {
            return ProviderJson.mapper().writeValueAsString(Map.of("1", code));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }
}
