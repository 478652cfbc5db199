package com.vendin.whatsapp.ports.otp;

import com.vendin.whatsapp.ports.phone.PhoneNumber;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps at most one pending verification code per phone, with the times codes were issued to it, and
 * makes each step atomic so concurrent requests (on one instance or many) cannot race: issuing under
 * the rate limits, counting an attempt, and consuming the code once. Entries expire on their own
 * after {@link Limits#window()}; {@code now} always comes from the caller's clock.
 */
public interface OtpStore {

    /**
     * Replaces the phone's pending code with {@code code} and records the issue, unless a code was
     * issued to this phone less than {@link Limits#cooldown()} ago or {@link Limits#maxPerWindow()}
     * codes were issued within {@link Limits#window()}; then stores nothing and returns false.
     */
    boolean issue(PhoneNumber phone, PendingCode code, Instant now, Limits limits);

    /** Adds one attempt to the phone's pending code and returns it with the new count; empty when there is none. */
    Optional<PendingCode> countAttempt(PhoneNumber phone, Instant now);

    /**
     * Removes the phone's pending code if it is still {@code codeId} and has had at most
     * {@code maxAttempts} attempts; true for exactly one caller per code.
     */
    boolean consume(PhoneNumber phone, String codeId, int maxAttempts);

    /** The rate limits of {@link #issue}. */
    record Limits(Duration cooldown, int maxPerWindow, Duration window) {
        public Limits {
            if (cooldown.isNegative() || window.isNegative() || window.isZero() || maxPerWindow < 1) {
                throw new IllegalArgumentException("limits must be positive");
            }
        }
    }
}
