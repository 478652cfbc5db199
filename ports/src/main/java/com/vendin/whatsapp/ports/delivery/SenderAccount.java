package com.vendin.whatsapp.ports.delivery;

import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import java.util.Objects;
import java.util.Optional;

/**
 * The number a message is sent from and the credentials to do it: for Meta a phone id and a bearer
 * token; for Twilio the number, the account SID and its auth token.
 */
public record SenderAccount(
        Provider provider,
        Optional<String> phoneId,
        Optional<PhoneNumber> number,
        Optional<Secret> accessToken,
        Optional<String> accountSid,
        Optional<Secret> authToken) {
    public SenderAccount {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(phoneId, "phoneId");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(accountSid, "accountSid");
        Objects.requireNonNull(authToken, "authToken");
    }

    public static SenderAccount meta(String phoneId, Secret accessToken) {
        return new SenderAccount(
                Provider.FACEBOOK,
                Optional.of(phoneId),
                Optional.empty(),
                Optional.of(accessToken),
                Optional.empty(),
                Optional.empty());
    }

    public static SenderAccount twilio(PhoneNumber number, String accountSid, Secret authToken) {
        return new SenderAccount(
                Provider.TWILIO,
                Optional.empty(),
                Optional.of(number),
                Optional.empty(),
                Optional.of(accountSid),
                Optional.of(authToken));
    }

    @Override
    public String toString() {
        return "SenderAccount[" + provider.wireName() + " " + phoneId.orElse("")
                + number.map(PhoneNumber::e164).orElse("")
                + accountSid.map(s -> " " + s).orElse("") + "]";
    }
}
