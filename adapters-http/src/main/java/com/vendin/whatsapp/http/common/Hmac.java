package com.vendin.whatsapp.http.common;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 signing and constant-time comparison of signatures and tokens. */
public final class Hmac {
    private static final String ALGORITHM = "HmacSHA256";

    private Hmac() {}

    /** Lowercase hex HMAC-SHA256 of {@code message} under {@code key}. */
    public static String sha256Hex(byte[] key, byte[] message) {
        return HexFormat.of().formatHex(sha256(key, message));
    }

    /** Raw HMAC-SHA256 of {@code message} under {@code key}. */
    public static byte[] sha256(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * Whether two strings are equal, in time that depends on neither their content nor their lengths
     * (both are hashed first, then compared with {@link MessageDigest#isEqual}).
     */
    public static boolean constantTimeEquals(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(digest(expected), digest(given));
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
