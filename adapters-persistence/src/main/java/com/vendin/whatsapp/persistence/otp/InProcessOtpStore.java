package com.vendin.whatsapp.persistence.otp;

import com.vendin.whatsapp.ports.otp.OtpStore;
import com.vendin.whatsapp.ports.otp.PendingCode;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@link OtpStore} of a single gateway process (the default without {@code REDIS_URL}): one entry per
 * phone, each step done under that entry's map lock; an entry is dropped once its issue window has passed.
 */
public final class InProcessOtpStore implements OtpStore {
    private final ConcurrentHashMap<PhoneNumber, Entry> entries = new ConcurrentHashMap<>();

    /** A phone's issue times (oldest first), pending code and when the entry may be forgotten. */
    private record Entry(Deque<Instant> issued, Optional<PendingCode> pending, Instant forgetAt) {}

    @Override
    public boolean issue(PhoneNumber phone, PendingCode code, Instant now, Limits limits) {
        Objects.requireNonNull(code, "code");
        AtomicBoolean issued = new AtomicBoolean();
        entries.compute(phone, (key, current) -> {
            Deque<Instant> times = new ArrayDeque<>();
            if (current != null && now.isBefore(current.forgetAt())) {
                current.issued().stream()
                        .filter(t -> t.isAfter(now.minus(limits.window())))
                        .forEach(times::addLast);
            }
            boolean tooSoon = !times.isEmpty() && times.peekLast().isAfter(now.minus(limits.cooldown()));
            if (tooSoon || times.size() >= limits.maxPerWindow()) {
                return current;
            }
            times.addLast(now);
            issued.set(true);
            return new Entry(times, Optional.of(code), now.plus(limits.window()));
        });
        sweep(now);
        return issued.get();
    }

    @Override
    public Optional<PendingCode> countAttempt(PhoneNumber phone, Instant now) {
        AtomicReference<PendingCode> counted = new AtomicReference<>();
        entries.computeIfPresent(phone, (key, current) -> {
            if (!now.isBefore(current.forgetAt())) {
                return null;
            }
            return current.pending()
                    .map(code -> {
                        PendingCode next = code.withAttempts(code.attempts() + 1);
                        counted.set(next);
                        return new Entry(current.issued(), Optional.of(next), current.forgetAt());
                    })
                    .orElse(current);
        });
        return Optional.ofNullable(counted.get());
    }

    @Override
    public boolean consume(PhoneNumber phone, String codeId, int maxAttempts) {
        AtomicBoolean consumed = new AtomicBoolean();
        entries.computeIfPresent(phone, (key, current) -> {
            boolean match = current.pending()
                    .filter(code -> code.codeId().equals(codeId) && code.attempts() <= maxAttempts)
                    .isPresent();
            if (!match) {
                return current;
            }
            consumed.set(true);
            return new Entry(current.issued(), Optional.empty(), current.forgetAt());
        });
        return consumed.get();
    }

    private void sweep(Instant now) {
        entries.entrySet().removeIf(e -> !now.isBefore(e.getValue().forgetAt()));
    }
}
