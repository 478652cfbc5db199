package com.vendin.whatsapp.ports.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Business-scoped user ids (BSUIDs, CONTRACT §2.4): a 2-letter country code, a period, then up to 128
 * alphanumerics ({@code US.13491208655302741918}), or a parent id with {@code ENT.} ({@code US.ENT.1181...}).
 * A BSUID is never a phone number and is never run through phone normalisation.
 */
public final class UserIds {
    private static final Pattern BSUID = Pattern.compile("[A-Z]{2}\\.(?:ENT\\.)?[A-Za-z0-9]{1,128}");
    private static final String WHATSAPP = "whatsapp:";

    private UserIds() {}

    /** Whether {@code value} has the shape of a BSUID (or parent BSUID). */
    public static boolean isUserId(String value) {
        return value != null && BSUID.matcher(value).matches();
    }

    /**
     * The BSUID in a provider's spelling ({@code US.1234}, Twilio's {@code whatsapp:US.1234}), or empty when
     * the value is not one (a phone number, blank, absent).
     */
    public static Optional<String> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String value = raw.strip();
        if (value.toLowerCase(Locale.ROOT).startsWith(WHATSAPP)) {
            value = value.substring(WHATSAPP.length()).strip();
        }
        return isUserId(value) ? Optional.of(value) : Optional.empty();
    }
}
