package com.vendin.whatsapp.ports.inbound;

import com.vendin.whatsapp.ports.common.Secret;
import java.util.List;
import java.util.Optional;

/**
 * Use case: which auth tokens may have signed a Twilio webhook, given its raw {@code To}, {@code From} and
 * {@code AccountSid} (CONTRACT §2.2): the subaccount token of a store that has one, else the main
 * account's. An empty list means no token is configured, and the request must be refused.
 */
public interface TwilioSigningKeys {

    List<Secret> candidates(String to, String from, Optional<String> accountSid);
}
