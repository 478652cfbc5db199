package com.vendin.whatsapp.domain.otp;

import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes and checks one-time codes: six digits from a CSPRNG, kept only as an HMAC-SHA256 under a key
 * derived from the gateway's secret key, over a per-code salt, the tenant, the user, the phone and the
 * code (so a code is bound to all four and a leaked store cannot be brute-forced without the key).
 */
final class CodeHasher {
    private static final String ALGORITHM = "HmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final HexFormat HEX = HexFormat.of();

    private final SecureRandom random = new SecureRandom();
    private final byte[] key;

    CodeHasher(byte[] secretKey) {
        if (secretKey.length < 16) {
            throw new IllegalArgumentException("the OTP hashing key must be at least 16 bytes");
        }
        this.key = mac(secretKey, "whatsapp-gateway admin-phone otp v1".getBytes(StandardCharsets.UTF_8));
    }

    /** A fresh six-digit code. */
    String newCode() {
        return String.format("%06d", random.nextInt(1_000_000));
    }

    /** A fresh salt, as hex. */
    String newSalt() {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return HEX.formatHex(salt);
    }

    /** The hash (hex) of {@code code} issued under {@code saltHex} to this tenant, user and phone. */
    String hash(String saltHex, TenantId tenant, String userId, PhoneNumber phone, String code) {
        String input = saltHex + '\0' + tenant.value() + '\0' + userId + '\0' + phone.e164() + '\0' + code;
        return HEX.formatHex(mac(key, input.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether {@code code} for this tenant, user and phone hashes to {@code expectedHex}, compared in constant time. */
    boolean matches(
            String expectedHex, String saltHex, TenantId tenant, String userId, PhoneNumber phone, String code) {
        byte[] actual = hash(saltHex, tenant, userId, phone, code).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(actual, expectedHex.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] mac(byte[] macKey, byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(macKey, ALGORITHM));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
