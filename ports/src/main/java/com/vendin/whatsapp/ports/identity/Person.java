package com.vendin.whatsapp.ports.identity;

import com.vendin.whatsapp.ports.phone.PhoneNumber;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Someone who wrote to one business number ({@code numberKey}, see {@link PersonDirectory}), as the gateway
 * remembers them: the thread their messages belong to (chosen at first sight, then stable), and the phone,
 * BSUID, parent BSUID and username last known.
 */
public record Person(
        String numberKey,
        String threadId,
        Optional<PhoneNumber> phone,
        Optional<String> userId,
        Optional<String> parentUserId,
        Optional<String> username,
        Instant firstSeen,
        Instant lastSeen) {
    /** A thread of a person first seen without a phone: {@code user:<BSUID>} (CONTRACT §2.4). */
    public static final String USER_THREAD_PREFIX = "user:";

    public Person {
        Objects.requireNonNull(numberKey, "numberKey");
        Objects.requireNonNull(threadId, "threadId");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(parentUserId, "parentUserId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }
}
