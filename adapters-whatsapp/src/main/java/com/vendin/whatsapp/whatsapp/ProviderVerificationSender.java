package com.vendin.whatsapp.whatsapp;

import com.vendin.whatsapp.ports.delivery.SendOutcome;
import com.vendin.whatsapp.ports.otp.VerificationCode;
import com.vendin.whatsapp.ports.otp.VerificationCodeSender;
import com.vendin.whatsapp.whatsapp.meta.GraphVerificationSender;
import com.vendin.whatsapp.whatsapp.twilio.TwilioVerificationSender;
import java.util.Objects;
import okhttp3.OkHttpClient;

/** The {@link VerificationCodeSender} the app uses: hands each code to the sender of its account's provider. */
public final class ProviderVerificationSender implements VerificationCodeSender {
    private final VerificationCodeSender facebook;
    private final VerificationCodeSender twilio;

    public ProviderVerificationSender(VerificationCodeSender facebook, VerificationCodeSender twilio) {
        this.facebook = Objects.requireNonNull(facebook, "facebook");
        this.twilio = Objects.requireNonNull(twilio, "twilio");
    }

    /** Graph and Twilio code senders sharing {@code client}. */
    public static ProviderVerificationSender create(OkHttpClient client, ProviderApiConfig config) {
        return new ProviderVerificationSender(
                new GraphVerificationSender(client, config.graphBaseUrl()),
                new TwilioVerificationSender(client, config.twilioApiUrl()));
    }

    @Override
    public SendOutcome send(VerificationCode message) {
        return switch (message.from().provider()) {
            case FACEBOOK -> facebook.send(message);
            case TWILIO -> twilio.send(message);
        };
    }
}
