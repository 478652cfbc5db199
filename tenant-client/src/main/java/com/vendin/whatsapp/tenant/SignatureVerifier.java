package com.vendin.whatsapp.tenant;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks that a request really comes from the gateway (docs/CONTRACT.md §3): {@code X-Vendin-Signature} must be
 * {@code v1=} + the hex HMAC-SHA256 of {@code "<X-Vendin-Timestamp>.<raw body>"} under the tenant's
 * {@code instanceSecret}, compared in constant time, and the timestamp must be within the tolerance (300 s
 * by default) of this machine's clock, so a recorded request cannot be replayed later. Verify the raw bytes
 * as received, before parsing them: a re-serialised body does not match.
 */
public final class SignatureVerifier {
    public static final String TIMESTAMP_HEADER = "X-Vendin-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Vendin-Signature";
    public static final String TENANT_HEADER = "X-Vendin-Tenant";
    public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);
    private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");
    private static final Pattern SIGNATURE = Pattern.compile("v1=[0-9a-fA-F]{64}");

    /** What the check found; only {@link #VALID} means the request may be trusted. */
    public enum Result {
        VALID,
        MISSING_HEADER,
        MALFORMED_TIMESTAMP,
        STALE_TIMESTAMP,
        MALFORMED_SIGNATURE,
        WRONG_SIGNATURE;

        public boolean isValid() {
            return this == VALID;
        }
    }

    private final Signer signer;
    private final Duration tolerance;
    private final Clock clock;

    /** With the default tolerance of 300 s and the system clock. */
    public SignatureVerifier(String instanceSecret) {
        this(instanceSecret, DEFAULT_TOLERANCE, Clock.systemUTC());
    }

    public SignatureVerifier(String instanceSecret, Duration tolerance, Clock clock) {
        this.signer = new Signer(instanceSecret);
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (tolerance.isNegative()) {
            throw new IllegalArgumentException("the tolerance must not be negative");
        }
    }

    /** Checks the two header values (null when absent) against the raw body. */
    public Result verify(String timestamp, String signature, byte[] rawBody) {
        Objects.requireNonNull(rawBody, "rawBody");
        if (timestamp == null || signature == null) {
            return Result.MISSING_HEADER;
        }
        String ts = timestamp.trim();
        if (!TIMESTAMP.matcher(ts).matches()) {
            return Result.MALFORMED_TIMESTAMP;
        }
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(ts));
        Duration age = Duration.between(signedAt, clock.instant()).abs();
        if (age.compareTo(tolerance) > 0) {
            return Result.STALE_TIMESTAMP;
        }
        String sig = signature.trim();
        if (!SIGNATURE.matcher(sig).matches()) {
            return Result.MALFORMED_SIGNATURE;
        }
        byte[] given = HexFormat.of().parseHex(sig.substring(Signer.VERSION.length()));
        byte[] expected = signer.mac(ts, rawBody);
        return MessageDigest.isEqual(expected, given) ? Result.VALID : Result.WRONG_SIGNATURE;
    }

    /**
     * Checks a request's headers (names in any case, as {@code HttpExchange.getRequestHeaders()} or a
     * servlet container give them) against its raw body.
     */
    public Result verify(Map<String, List<String>> headers, byte[] rawBody) {
        return verify(
                header(headers, TIMESTAMP_HEADER).orElse(null),
                header(headers, SIGNATURE_HEADER).orElse(null),
                rawBody);
    }

    /** Whether the request is genuine and fresh: {@code verify(...).isValid()}. */
    public boolean isValid(Map<String, List<String>> headers, byte[] rawBody) {
        return verify(headers, rawBody).isValid();
    }

    /** The first value of header {@code name}, looked up without regard to case. */
    static Optional<String> header(Map<String, List<String>> headers, String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey() != null
                    && entry.getKey().toLowerCase(Locale.ROOT).equals(wanted)
                    && entry.getValue() != null
                    && !entry.getValue().isEmpty()) {
                return Optional.ofNullable(entry.getValue().get(0));
            }
        }
        return Optional.empty();
    }
}
