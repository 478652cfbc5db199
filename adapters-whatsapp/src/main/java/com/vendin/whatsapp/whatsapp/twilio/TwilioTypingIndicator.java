package com.vendin.whatsapp.whatsapp.twilio;

import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.delivery.SenderAccount;
import com.vendin.whatsapp.ports.delivery.TypingIndicator;
import com.vendin.whatsapp.whatsapp.http.BaseUrls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Twilio's WhatsApp typing indicator (Public Beta; Twilio docs: "WhatsApp typing indicators"): {@code POST
 * {messaging}/v2/Indicators/Typing.json} with {@code messageId} (the inbound {@code SM...}) and
 * {@code channel=whatsapp}, HTTP basic auth of the number's account; it also marks the message read. Best effort,
 * 5 s timeout, a connection pool of its own (see {@code GraphTypingIndicator}).
 */
public final class TwilioTypingIndicator implements TypingIndicator {
    public static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** Where the indicator lives when the REST API is Twilio's own. */
    public static final String MESSAGING_URL = "https://messaging.twilio.com";

    private static final Logger LOG = LoggerFactory.getLogger(TwilioTypingIndicator.class);

    private final OkHttpClient client;
    private final HttpUrl baseUrl;

    /** @param messagingBaseUrl see {@link #messagingBaseFor(String)} */
    public TwilioTypingIndicator(OkHttpClient base, String messagingBaseUrl) {
        this.client = Objects.requireNonNull(base, "base")
                .newBuilder()
                .callTimeout(TIMEOUT)
                .connectTimeout(TIMEOUT)
                .readTimeout(TIMEOUT)
                .writeTimeout(TIMEOUT)
                .connectionPool(new ConnectionPool(4, 1, TimeUnit.MINUTES))
                .build();
        this.baseUrl = BaseUrls.parse(messagingBaseUrl, "TWILIO_API_URL");
    }

    /**
     * The indicator's base for {@code TWILIO_API_URL}: Twilio's messaging host when that is {@code api.twilio.com};
     * otherwise the same base (a proxy or a test double serves both APIs).
     */
    public static String messagingBaseFor(String twilioApiUrl) {
        HttpUrl api = BaseUrls.parse(twilioApiUrl, "TWILIO_API_URL");
        return api.host().equals("api.twilio.com") ? MESSAGING_URL : twilioApiUrl;
    }

    @Override
    public void show(SenderAccount from, String inboundMessageId) {
        Optional<String> sid = from.accountSid().filter(s -> !s.isBlank());
        Optional<Secret> token = from.authToken();
        if (sid.isEmpty() || token.isEmpty()) {
            return;
        }
        try {
            Request request = new Request.Builder()
                    .url(BaseUrls.join(baseUrl, "v2", "Indicators", "Typing.json"))
                    .header(
                            "Authorization",
                            Credentials.basic(sid.get(), token.get().reveal(), StandardCharsets.UTF_8))
                    .header("Accept", "application/json")
                    .post(new FormBody.Builder(StandardCharsets.UTF_8)
                            .add("messageId", inboundMessageId)
                            .add("channel", "whatsapp")
                            .build())
                    .build();
            try (Response response = client.newCall(request).execute()) {
                if (!response.isSuccessful()) {
                    LOG.info(
                            "typing indicator provider=twilio message={} failed status={}",
                            inboundMessageId,
                            response.code());
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.info(
                    "typing indicator provider=twilio message={} failed: {}",
                    inboundMessageId,
                    e.getClass().getSimpleName());
        }
    }
}
