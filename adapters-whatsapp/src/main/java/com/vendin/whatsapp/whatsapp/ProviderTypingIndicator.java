package com.vendin.whatsapp.whatsapp;

import com.vendin.whatsapp.ports.delivery.SenderAccount;
import com.vendin.whatsapp.ports.delivery.TypingIndicator;
import com.vendin.whatsapp.whatsapp.meta.GraphTypingIndicator;
import com.vendin.whatsapp.whatsapp.twilio.TwilioTypingIndicator;
import java.util.Objects;
import okhttp3.OkHttpClient;

/** The {@link TypingIndicator} the app uses: hands each call to the indicator of its account's provider. */
public final class ProviderTypingIndicator implements TypingIndicator {
    private final TypingIndicator facebook;
    private final TypingIndicator twilio;

    public ProviderTypingIndicator(TypingIndicator facebook, TypingIndicator twilio) {
        this.facebook = Objects.requireNonNull(facebook, "facebook");
        this.twilio = Objects.requireNonNull(twilio, "twilio");
    }

    /** Graph's and Twilio's indicators, sharing {@code client}'s dispatcher. */
    public static ProviderTypingIndicator create(OkHttpClient client, ProviderApiConfig config) {
        return new ProviderTypingIndicator(
                new GraphTypingIndicator(client, config.graphBaseUrl()),
                new TwilioTypingIndicator(client, TwilioTypingIndicator.messagingBaseFor(config.twilioApiUrl())));
    }

    @Override
    public void show(SenderAccount from, String inboundMessageId) {
        switch (from.provider()) {
            case FACEBOOK -> facebook.show(from, inboundMessageId);
            case TWILIO -> twilio.show(from, inboundMessageId);
        }
    }
}
