package com.vendin.whatsapp.http.webhook;

import com.vendin.whatsapp.http.common.Hmac;
import com.vendin.whatsapp.ports.common.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks Meta's {@code X-Hub-Signature-256} header over the raw body; no app secret means nothing is valid. */
final class MetaSignature {
    static final String HEADER = "X-Hub-Signature-256";
    private static final String PREFIX = "sha256=";
    private static final Pattern HEX_64 = Pattern.compile("[0-9a-fA-F]{64}");

    private final Optional<Secret> appSecret;

    MetaSignature(Optional<Secret> appSecret) {
        this.appSecret = appSecret;
    }

    boolean isValid(String header, byte[] body) {
        if (appSecret.isEmpty() || header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        String given = header.substring(PREFIX.length()).trim();
        if (!HEX_64.matcher(given).matches()) {
            return false;
        }
        byte[] key = appSecret.get().reveal().getBytes(StandardCharsets.UTF_8);
        String expected = Hmac.sha256Hex(key, body);
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII),
                given.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }
}
