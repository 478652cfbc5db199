package com.vendin.whatsapp.domain.media;

import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.media.MediaReference;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The token of a media link: {@code base64url(payload) "." base64url(HMAC-SHA256(payload))}, the payload naming
 * the tenant, message, provider, number (platform or store), expiry and the provider's media reference. The MAC
 * key is derived from the gateway's secret key (never the key itself), so a link can be checked by any gateway
 * process sharing that key and by nobody else.
 */
final class MediaTokens {
    private static final String ALGORITHM = "HmacSHA256";
    private static final String VERSION = "m1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    /** Longer than any token this class makes for a real media reference; longer input is refused before decoding. */
    static final int MAX_TOKEN_CHARS = 4096;

    private final byte[] key;

    MediaTokens(byte[] secretKey) {
        if (secretKey.length < 16) {
            throw new IllegalArgumentException("the media link key must be at least 16 bytes");
        }
        this.key = mac(secretKey, "whatsapp-gateway media-link v1".getBytes(StandardCharsets.UTF_8));
    }

    /** A checked reference and when its link expires. */
    record Claims(MediaReference reference, Instant expiresAt) {}

    /** The token for {@code reference}, valid until {@code expiresAt}; empty when a field cannot be encoded. */
    Optional<String> issue(MediaReference reference, Instant expiresAt) {
        String[] fields = {
            reference.tenantId().value(),
            reference.messageId(),
            reference.provider().wireName(),
            reference.viaPlatform() ? "p" : "s",
            Long.toString(expiresAt.getEpochSecond())
        };
        for (String field : fields) {
            if (field.indexOf('\n') >= 0) {
                return Optional.empty();
            }
        }
        byte[] payload = (VERSION + "\n" + String.join("\n", fields) + "\n" + reference.media())
                .getBytes(StandardCharsets.UTF_8);
        return Optional.of(ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(key, payload)));
    }

    /** The claims of a token whose MAC is right; empty for anything forged, altered or malformed (expiry unchecked). */
    Optional<Claims> verify(String token) {
        if (token == null || token.length() > MAX_TOKEN_CHARS) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(mac(key, payload), signature)) {
            return Optional.empty();
        }
        return parse(new String(payload, StandardCharsets.UTF_8));
    }

    private static Optional<Claims> parse(String payload) {
        String[] parts = payload.split("\n", 7);
        if (parts.length != 7 || !VERSION.equals(parts[0])) {
            return Optional.empty();
        }
        Optional<Provider> provider = Arrays.stream(Provider.values())
                .filter(p -> p.wireName().equals(parts[3]))
                .findFirst();
        try {
            return provider.map(p -> new Claims(
                    new MediaReference(new TenantId(parts[1]), parts[2], p, "p".equals(parts[4]), parts[6]),
                    Instant.ofEpochSecond(Long.parseLong(parts[5]))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] mac(byte[] macKey, byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(macKey, ALGORITHM));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
