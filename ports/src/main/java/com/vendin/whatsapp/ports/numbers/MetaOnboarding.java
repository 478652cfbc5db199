package com.vendin.whatsapp.ports.numbers;

import com.vendin.whatsapp.ports.common.Secret;
import java.util.Objects;

/**
 * The Graph API calls of Embedded Signup. Every failure (Meta's error, a network failure, an answer
 * that cannot be read) is a {@link com.vendin.whatsapp.ports.common.GatewayRejection} of kind
 * {@code PROVIDER_ERROR}, code {@code provider_error}, carrying Meta's error code.
 */
public interface MetaOnboarding {

    /** Exchanges the code of the Embedded Signup popup for the tenant's business token. */
    Secret exchangeCode(String code);

    /** The number's display number and verified name. */
    PhoneDetails phoneDetails(String phoneNumberId, Secret token);

    /** Subscribes the platform's app to the tenant's WhatsApp Business Account. */
    void subscribeApp(String wabaId, Secret token);

    /** Registers the number for the Cloud API with a 6-digit two-step-verification PIN. */
    void register(String phoneNumberId, Secret pin, Secret token);

    /** What Meta says about a number. */
    record PhoneDetails(String displayPhoneNumber, String verifiedName) {
        public PhoneDetails {
            Objects.requireNonNull(displayPhoneNumber, "displayPhoneNumber");
            Objects.requireNonNull(verifiedName, "verifiedName");
        }
    }
}
