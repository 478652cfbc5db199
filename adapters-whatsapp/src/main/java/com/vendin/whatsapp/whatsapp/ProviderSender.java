package com.vendin.whatsapp.whatsapp;

import com.vendin.whatsapp.ports.delivery.OutboundMessage;
import com.vendin.whatsapp.ports.delivery.OutboundText;
import com.vendin.whatsapp.ports.delivery.SendOutcome;
import com.vendin.whatsapp.ports.delivery.WhatsAppSender;
import com.vendin.whatsapp.whatsapp.meta.GraphApiSender;
import com.vendin.whatsapp.whatsapp.twilio.TwilioSender;
import java.util.Objects;
import okhttp3.OkHttpClient;

/** The {@link WhatsAppSender} the app uses: hands each message to the sender of its account's provider. */
public final class ProviderSender implements WhatsAppSender {
    private final WhatsAppSender facebook;
    private final WhatsAppSender twilio;

    public ProviderSender(WhatsAppSender facebook, WhatsAppSender twilio) {
        this.facebook = Objects.requireNonNull(facebook, "facebook");
        this.twilio = Objects.requireNonNull(twilio, "twilio");
    }

    /** A {@link GraphApiSender} and a {@link TwilioSender} sharing {@code client}. */
    public static ProviderSender create(OkHttpClient client, ProviderApiConfig config) {
        return new ProviderSender(
                new GraphApiSender(client, config.graphBaseUrl()),
                new TwilioSender(client, config.twilioApiUrl(), config.twilioStatusCallback()));
    }

    @Override
    public SendOutcome send(OutboundText message) {
        return switch (message.from().provider()) {
            case FACEBOOK -> facebook.send(message);
            case TWILIO -> twilio.send(message);
        };
    }

    @Override
    public SendOutcome send(OutboundMessage message) {
        return switch (message.from().provider()) {
            case FACEBOOK -> facebook.send(message);
            case TWILIO -> twilio.send(message);
        };
    }
}
