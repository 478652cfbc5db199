package com.vendin.whatsapp.http.admin;

import com.vendin.whatsapp.http.common.Hmac;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.send.TenantSigningKeys;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A tenant instance's own signature on a request to the gateway (CONTRACT §3.2), the scheme the gateway signs
 * its calls to tenants with (§3): {@code X-Vendin-Signature: v1=<hex HMAC-SHA256 of "<timestamp>.<raw body>">}
 * keyed with the UTF-8 bytes of that tenant's instance secret, {@code X-Vendin-Timestamp} in unix seconds within
 * 300 s of now, compared in constant time. Any failure is the same 401 (no hint which part was wrong).
 */
final class TenantSignature {
    static final String TIMESTAMP_HEADER = "X-Vendin-Timestamp";
    static final String SIGNATURE_HEADER = "X-Vendin-Signature";
    static final Duration TOLERANCE = Duration.ofSeconds(300);
    private static final String VERSION = "v1=";

    private final TenantSigningKeys keys;
    private final Clock clock;

    TenantSignature(TenantSigningKeys keys, Clock clock) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Throws a 401 unless {@code signature} over {@code timestamp} and {@code body} is {@code tenant}'s. */
    void verify(TenantId tenant, String timestamp, String signature, byte[] body) {
        Optional<Long> seconds = seconds(timestamp);
        if (seconds.isEmpty() || Math.abs(clock.instant().getEpochSecond() - seconds.get()) > TOLERANCE.toSeconds()) {
            throw unauthorized();
        }
        Optional<Secret> secret = keys.instanceSecret(tenant);
        String given = signature == null ? "" : signature.strip();
        if (secret.isEmpty() || !given.toLowerCase(Locale.ROOT).startsWith(VERSION)) {
            throw unauthorized();
        }
        String expected = sign(secret.get().reveal(), timestamp.strip(), body);
        if (!Hmac.constantTimeEquals(expected, given.substring(VERSION.length()).toLowerCase(Locale.ROOT))) {
            throw unauthorized();
        }
    }

    /** Lowercase hex HMAC-SHA256 of {@code "<timestamp>.<body>"} under the secret's UTF-8 bytes. */
    static String sign(String secret, String timestamp, byte[] body) {
        byte[] prefix = (timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, message, 0, prefix.length);
        System.arraycopy(body, 0, message, prefix.length, body.length);
        return Hmac.sha256Hex(secret.getBytes(StandardCharsets.UTF_8), message);
    }

    private static Optional<Long> seconds(String timestamp) {
        if (timestamp == null || !timestamp.strip().matches("[0-9]{1,12}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(timestamp.strip()));
    }

    private static GatewayRejection unauthorized() {
        return new GatewayRejection(
                GatewayRejection.Kind.UNAUTHORIZED,
                "invalid_signature",
                "A valid X-Vendin-Signature of this tenant with a current X-Vendin-Timestamp, or the admin bearer "
                        + "token, is required.");
    }
}
