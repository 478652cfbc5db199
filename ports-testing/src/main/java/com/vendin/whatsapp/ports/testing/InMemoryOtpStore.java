package com.vendin.whatsapp.ports.testing;

import com.vendin.whatsapp.ports.otp.OtpStore;
import com.vendin.whatsapp.ports.otp.PendingCode;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@link OtpStore} in maps: per phone, the times codes were issued and the pending code; it passes
 * {@code OtpStoreContract} like the in-process and Redis stores.
 */
public final class InMemoryOtpStore implements OtpStore {
    private final Map<PhoneNumber, List<Instant>> issued = new HashMap<>();
    private final Map<PhoneNumber, PendingCode> pending = new HashMap<>();
    private final Map<PhoneNumber, Instant> forgetAt = new HashMap<>();

    @Override
    public synchronized boolean issue(PhoneNumber phone, PendingCode code, Instant now, Limits limits) {
        Objects.requireNonNull(code, "code");
        forgetIfExpired(phone, now);
        List<Instant> times = new ArrayList<>(issued.getOrDefault(phone, List.of()));
        times.removeIf(t -> !t.isAfter(now.minus(limits.window())));
        boolean tooSoon = !times.isEmpty() && times.get(times.size() - 1).isAfter(now.minus(limits.cooldown()));
        if (tooSoon || times.size() >= limits.maxPerWindow()) {
            return false;
        }
        times.add(now);
        issued.put(phone, times);
        pending.put(phone, code);
        forgetAt.put(phone, now.plus(limits.window()));
        return true;
    }

    @Override
    public synchronized Optional<PendingCode> countAttempt(PhoneNumber phone, Instant now) {
        forgetIfExpired(phone, now);
        PendingCode code = pending.get(phone);
        if (code == null) {
            return Optional.empty();
        }
        PendingCode counted = code.withAttempts(code.attempts() + 1);
        pending.put(phone, counted);
        return Optional.of(counted);
    }

    @Override
    public synchronized boolean consume(PhoneNumber phone, String codeId, int maxAttempts) {
        PendingCode code = pending.get(phone);
        if (code == null || !code.codeId().equals(codeId) || code.attempts() > maxAttempts) {
            return false;
        }
        pending.remove(phone);
        return true;
    }

    private void forgetIfExpired(PhoneNumber phone, Instant now) {
        Instant until = forgetAt.get(phone);
        if (until != null && !now.isBefore(until)) {
            issued.remove(phone);
            pending.remove(phone);
            forgetAt.remove(phone);
        }
    }
}
