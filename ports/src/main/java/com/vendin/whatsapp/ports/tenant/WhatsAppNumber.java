package com.vendin.whatsapp.ports.tenant;

import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A store's WhatsApp number and how to send from it. {@code phoneNumber} is canonical E.164.
 * A Meta number without its own {@code accessToken} belongs to the platform's WhatsApp Business
 * Account; a Twilio number without {@code twilioAccountSid} belongs to the main Twilio account.
 */
public record WhatsAppNumber(
        PhoneNumber phoneNumber,
        Optional<String> phoneId,
        Provider provider,
        Optional<Secret> accessToken,
        Optional<String> twilioAccountSid,
        Optional<Secret> twilioAuthToken,
        NumberStatus status,
        Optional<Instant> verifiedAt) {

    public WhatsAppNumber {
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        Objects.requireNonNull(phoneId, "phoneId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(twilioAccountSid, "twilioAccountSid");
        Objects.requireNonNull(twilioAuthToken, "twilioAuthToken");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(verifiedAt, "verifiedAt");
    }

    public WhatsAppNumber withStatus(NumberStatus newStatus) {
        return new WhatsAppNumber(
                phoneNumber, phoneId, provider, accessToken, twilioAccountSid, twilioAuthToken, newStatus, verifiedAt);
    }
}
