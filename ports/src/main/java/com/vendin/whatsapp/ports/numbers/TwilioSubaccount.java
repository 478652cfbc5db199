package com.vendin.whatsapp.ports.numbers;

import com.vendin.whatsapp.ports.common.Secret;
import java.util.Objects;

/** A Twilio subaccount of the main account: its SID and auth token. */
public record TwilioSubaccount(String sid, Secret authToken) {
    public TwilioSubaccount {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(authToken, "authToken");
        if (sid.isBlank()) {
            throw new IllegalArgumentException("a subaccount SID must not be blank");
        }
    }
}
