package com.vendin.whatsapp.domain.numbers;

import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.common.Secret;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Two-step-verification PINs for registering a number: six digits, given or drawn from a CSPRNG. */
final class RegistrationPins {
    private static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{6}");
    private final SecureRandom random = new SecureRandom();

    Secret next() {
        return new Secret(String.format("%06d", random.nextInt(1_000_000)));
    }

    static Secret parse(String raw) {
        if (raw == null || !SIX_DIGITS.matcher(raw).matches()) {
            throw GatewayRejection.invalid("invalid_pin", "pin must be exactly 6 digits.");
        }
        return new Secret(raw);
    }
}
