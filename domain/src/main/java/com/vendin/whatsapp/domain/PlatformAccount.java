package com.vendin.whatsapp.domain;

import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import java.util.Objects;
import java.util.Optional;

/**
 * The platform's own WhatsApp accounts: the Vendin number store owners write to, and the Meta and
 * Twilio credentials used when a tenant's number has none of its own.
 *
 * @param provider          {@code WHATSAPP_PROVIDER}: the provider of the platform number
 * @param metaPhoneId       {@code VENDIN_WHATSAPP_PHONE_ID}: the platform number's Meta phone number id
 * @param metaNumber        {@code VENDIN_WHATSAPP_NUMBER}: the platform number on Meta
 * @param metaAccessToken   {@code VENDIN_WHATSAPP_ACCESS_TOKEN}: the platform WABA's token (also sends for pool numbers)
 * @param twilioFrom        {@code TWILIO_WHATSAPP_FROM}: the platform number on Twilio
 * @param twilioAccountSid  {@code TWILIO_ACCOUNT_SID}: the main Twilio account
 * @param twilioAuthToken   {@code TWILIO_AUTH_TOKEN}: the main Twilio account's token
 */
public record PlatformAccount(
        Provider provider,
        Optional<String> metaPhoneId,
        Optional<PhoneNumber> metaNumber,
        Optional<Secret> metaAccessToken,
        Optional<PhoneNumber> twilioFrom,
        Optional<String> twilioAccountSid,
        Optional<Secret> twilioAuthToken) {

    public PlatformAccount {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(metaPhoneId, "metaPhoneId");
        Objects.requireNonNull(metaNumber, "metaNumber");
        Objects.requireNonNull(metaAccessToken, "metaAccessToken");
        Objects.requireNonNull(twilioFrom, "twilioFrom");
        Objects.requireNonNull(twilioAccountSid, "twilioAccountSid");
        Objects.requireNonNull(twilioAuthToken, "twilioAuthToken");
        if (metaPhoneId.filter(String::isBlank).isPresent()) {
            throw new IllegalArgumentException("metaPhoneId must not be blank");
        }
        if (twilioAccountSid.filter(String::isBlank).isPresent()) {
            throw new IllegalArgumentException("twilioAccountSid must not be blank");
        }
        if (twilioAccountSid.isPresent() != twilioAuthToken.isPresent()) {
            throw new IllegalArgumentException("the Twilio account SID and auth token go together");
        }
    }

    /** A platform with no number and no credentials configured (webhooks then route customers only). */
    public static PlatformAccount unconfigured(Provider provider) {
        return new PlatformAccount(
                provider,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }
}
