package com.vendin.whatsapp.domain.tenants;

import com.vendin.whatsapp.ports.common.Secret;
import java.security.SecureRandom;
import java.util.Base64;

/** Makes instance secrets: 32 bytes from a CSPRNG, base64url without padding. */
final class InstanceSecrets {
    private static final int BYTES = 32;
    private final SecureRandom random = new SecureRandom();

    Secret next() {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new Secret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }
}
