package com.vendin.whatsapp.persistence.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts credentials at rest with AES-256-GCM: a fresh random 12-byte nonce per value, stored as
 * {@code v1:} + base64(nonce || ciphertext || tag). A value that was altered, or encrypted under
 * another key, fails with {@link CorruptCredentialException}.
 */
public final class CredentialCipher {
    public static final int KEY_BYTES = 32;
    private static final String PREFIX = "v1:";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** @param key exactly 32 bytes (copied) */
    public CredentialCipher(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the credential key must be 32 bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** A cipher from the base64 text of a 32-byte key (the form of {@code GATEWAY_SECRET_KEY}). */
    public static CredentialCipher fromBase64(String base64Key) {
        Objects.requireNonNull(base64Key, "base64Key");
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the credential key is not base64", e);
        }
        return new CredentialCipher(key);
    }

    public String encrypt(String plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
            return PREFIX + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    public String decrypt(String stored) {
        Objects.requireNonNull(stored, "stored");
        if (!stored.startsWith(PREFIX)) {
            throw new CorruptCredentialException("stored credential has no v1: prefix");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new CorruptCredentialException("stored credential is not base64");
        }
        if (raw.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new CorruptCredentialException("stored credential is too short");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, NONCE_BYTES));
            byte[] plain = cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new CorruptCredentialException(
                    "stored credential failed authentication: altered, or encrypted under another key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    @Override
    public String toString() {
        return "CredentialCipher[AES-256-GCM, key=***]";
    }
}
