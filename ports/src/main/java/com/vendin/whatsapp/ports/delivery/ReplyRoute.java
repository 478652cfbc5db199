package com.vendin.whatsapp.ports.delivery;

import com.vendin.whatsapp.ports.common.Provider;
import java.util.Objects;
import java.util.Optional;

/**
 * How a reply leaves: through which provider, from the platform number ({@code viaPlatform}) or the
 * store's, from which Meta phone id, and {@code to} the sender exactly as the provider spelled it.
 */
public record ReplyRoute(Provider provider, boolean viaPlatform, Optional<String> fromPhoneId, String to) {
    public ReplyRoute {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(fromPhoneId, "fromPhoneId");
        Objects.requireNonNull(to, "to");
    }
}
