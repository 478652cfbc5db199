package com.vendin.whatsapp.whatsapp;

import com.vendin.whatsapp.whatsapp.http.BaseUrls;
import com.vendin.whatsapp.whatsapp.meta.GraphApiSender;
import com.vendin.whatsapp.whatsapp.twilio.TwilioSender;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the provider APIs live: {@code graphBaseUrl} is {@code FACEBOOK_GRAPH_URL} (version included),
 * {@code twilioApiUrl} is {@code TWILIO_API_URL}. Both are checked to be http(s) URLs. {@code twilioStatusCallback},
 * when present, is given to Twilio as each message's {@code StatusCallback}.
 */
public record ProviderApiConfig(String graphBaseUrl, String twilioApiUrl, Optional<String> twilioStatusCallback) {
    public ProviderApiConfig {
        BaseUrls.parse(graphBaseUrl, "FACEBOOK_GRAPH_URL");
        BaseUrls.parse(twilioApiUrl, "TWILIO_API_URL");
        Objects.requireNonNull(twilioStatusCallback, "twilioStatusCallback");
    }

    /** Without a Twilio status callback URL (statuses then go where the sender or service is configured to send them). */
    public ProviderApiConfig(String graphBaseUrl, String twilioApiUrl) {
        this(graphBaseUrl, twilioApiUrl, Optional.empty());
    }

    /** {@code https://graph.facebook.com/v25.0} and {@code https://api.twilio.com}. */
    public static ProviderApiConfig defaults() {
        return new ProviderApiConfig(GraphApiSender.DEFAULT_BASE_URL, TwilioSender.DEFAULT_BASE_URL);
    }
}
