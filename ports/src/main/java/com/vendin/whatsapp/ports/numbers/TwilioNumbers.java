package com.vendin.whatsapp.ports.numbers;

import com.vendin.whatsapp.ports.phone.PhoneNumber;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Twilio's REST calls for subaccounts and numbers, made with the main account's credentials. Every
 * failure is a {@link com.vendin.whatsapp.ports.common.GatewayRejection} of kind {@code PROVIDER_ERROR},
 * code {@code provider_error}, carrying Twilio's error code.
 */
public interface TwilioNumbers {

    /** The active subaccount with this friendly name, if the main account has one. */
    Optional<TwilioSubaccount> findSubaccount(String friendlyName);

    TwilioSubaccount createSubaccount(String friendlyName);

    /** Numbers the subaccount already owns. */
    List<PhoneNumber> incomingNumbers(String subaccountSid);

    /** Local numbers for sale in {@code country} (ISO code), in {@code areaCode} when given. */
    List<PhoneNumber> availableLocalNumbers(String subaccountSid, String country, Optional<String> areaCode);

    /** Buys {@code number} into the subaccount; its incoming messages go to {@code smsUrl}. */
    PhoneNumber buy(String subaccountSid, PhoneNumber number, URI smsUrl);
}
