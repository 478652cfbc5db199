package com.vendin.whatsapp.tenant;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The gateway's signature scheme (docs/CONTRACT.md §3): {@code v1=} + lowercase hex HMAC-SHA256 of
 * {@code "<timestamp>.<raw body>"}, keyed with the UTF-8 bytes of the tenant's {@code instanceSecret}.
 * The gateway signs its calls to the tenant with it, and the tenant signs its calls to the send API (§3.2).
 */
public final class Signer {
    /** The prefix of the signature header's value: the scheme's version. */
    public static final String VERSION = "v1=";

    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] key;

    public Signer(String instanceSecret) {
        Objects.requireNonNull(instanceSecret, "instanceSecret");
        if (instanceSecret.isEmpty()) {
            throw new IllegalArgumentException("the instance secret must not be empty");
        }
        this.key = instanceSecret.getBytes(StandardCharsets.UTF_8);
    }

    /** The value of {@code X-Vendin-Signature} for {@code body} sent with {@code X-Vendin-Timestamp: timestamp}. */
    public String sign(long timestamp, byte[] body) {
        return VERSION + HexFormat.of().formatHex(mac(Long.toString(timestamp), body));
    }

    /** The raw HMAC of {@code "<timestamp>.<body>"}, with the timestamp exactly as given. */
    byte[] mac(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
