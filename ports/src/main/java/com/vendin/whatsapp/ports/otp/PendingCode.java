package com.vendin.whatsapp.ports.otp;

import com.vendin.whatsapp.ports.tenant.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A verification code waiting for confirmation, as stored: never the code itself, only its keyed hash
 * (hex) and the salt (hex) it was hashed with, bound to a tenant and a user. {@code attempts} counts
 * confirmation attempts made so far (the store increments it).
 */
public record PendingCode(
        String codeId,
        TenantId tenantId,
        String userId,
        String saltHex,
        String hashHex,
        Instant expiresAt,
        int attempts) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{16,128}");

    public PendingCode {
        Objects.requireNonNull(codeId, "codeId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(saltHex, "saltHex");
        Objects.requireNonNull(hashHex, "hashHex");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (codeId.isBlank() || codeId.contains("|")) {
            throw new IllegalArgumentException("codeId must be non-blank without '|'");
        }
        if (!HEX.matcher(saltHex).matches() || !HEX.matcher(hashHex).matches()) {
            throw new IllegalArgumentException("salt and hash are lower-case hex");
        }
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative");
        }
    }

    /** The same code with {@code attempts} replaced. */
    public PendingCode withAttempts(int count) {
        return new PendingCode(codeId, tenantId, userId, saltHex, hashHex, expiresAt, count);
    }

    @Override
    public String toString() {
        return "PendingCode[" + codeId + " tenant=" + tenantId + " expiresAt=" + expiresAt + " attempts=" + attempts
                + "]";
    }
}
