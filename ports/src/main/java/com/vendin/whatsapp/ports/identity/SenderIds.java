package com.vendin.whatsapp.ports.identity;

import com.vendin.whatsapp.ports.phone.PhoneNumber;
import java.util.Objects;
import java.util.Optional;

/**
 * What one message says about who wrote it: the canonical phone (when the provider gave one), the BSUID,
 * the parent BSUID and the username. At least one of phone and user id is present.
 */
public record SenderIds(
        Optional<PhoneNumber> phone,
        Optional<String> userId,
        Optional<String> parentUserId,
        Optional<String> username) {
    public SenderIds {
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(parentUserId, "parentUserId");
        Objects.requireNonNull(username, "username");
        if (phone.isEmpty() && userId.isEmpty()) {
            throw new IllegalArgumentException("a sender needs a phone or a user id");
        }
        userId.ifPresent(SenderIds::requireUserId);
    }

    private static void requireUserId(String id) {
        if (!UserIds.isUserId(id)) {
            throw new IllegalArgumentException("not a business-scoped user id: " + id);
        }
    }

    public static SenderIds phone(PhoneNumber phone) {
        return new SenderIds(Optional.of(phone), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The thread a new person with these ids starts: the phone when known, else {@code user:<BSUID>}. */
    public String newThreadId() {
        return phone.map(PhoneNumber::e164).orElseGet(() -> Person.USER_THREAD_PREFIX + userId.orElseThrow());
    }
}
