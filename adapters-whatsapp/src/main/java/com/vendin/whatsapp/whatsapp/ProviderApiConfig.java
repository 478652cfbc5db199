package com.vendin.whatsapp.whatsapp;

import com.vendin.whatsapp.whatsapp.http.BaseUrls;
import com.vendin.whatsapp.whatsapp.meta.GraphApiSender;
import com.vendin.whatsapp.whatsapp.twilio.TwilioSender;

/**
 * Where the provider APIs live: {@code graphBaseUrl} is {@code FACEBOOK_GRAPH_URL} (version included),
 * {@code twilioApiUrl} is {@code TWILIO_API_URL}. Both are checked to be http(s) URLs.
 */
public record ProviderApiConfig(String graphBaseUrl, String twilioApiUrl) {
    public ProviderApiConfig {
        BaseUrls.parse(graphBaseUrl, "FACEBOOK_GRAPH_URL");
        BaseUrls.parse(twilioApiUrl, "TWILIO_API_URL");
    }

    /** {@code https://graph.facebook.com/v25.0} and {@code https://api.twilio.com}. */
    public static ProviderApiConfig defaults() {
        return new ProviderApiConfig(GraphApiSender.DEFAULT_BASE_URL, TwilioSender.DEFAULT_BASE_URL);
    }
}
