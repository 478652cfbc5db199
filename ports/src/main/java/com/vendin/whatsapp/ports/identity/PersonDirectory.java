package com.vendin.whatsapp.ports.identity;

import com.vendin.whatsapp.ports.phone.PhoneNumber;
import java.time.Instant;
import java.util.Optional;

/**
 * The people who write to each business number, so that one person is one thread whether a message carries
 * their phone, their BSUID or both (CONTRACT §2.4). BSUIDs are scoped to a business portfolio, so people are
 * kept per business number ({@code numberKey}: {@code id:<Meta phone_number_id>}, else {@code tel:<E.164>}) and
 * never joined across numbers.
 *
 * <p>The rules every implementation follows (the port's contract tests check them):
 * <ul>
 *   <li>{@link #resolve}: the person with that phone or that BSUID is found and updated (a missing phone or
 *   BSUID is added, the username and parent BSUID replaced when given, last seen moved forward) and keeps
 *   its thread; none is found: a new person starts thread {@link SenderIds#newThreadId()}. When the phone
 *   names one person and the BSUID another, they are one person: the one first seen keeps its thread and
 *   takes the other's identifiers, the other is forgotten.</li>
 *   <li>{@link #changeUserId} / {@link #changeNumber}: the person known by the previous id (or phone) is known
 *   by the new one from now on, with the same thread; when the new id already names another person, the two
 *   are merged as above. An unknown previous id changes nothing (the next message from the new one starts a person).</li>
 *   <li>Concurrent calls for one person never create two people.</li>
 * </ul>
 */
public interface PersonDirectory {

    /** Finds or creates the person these ids name on {@code numberKey}, recording that they were seen at {@code seenAt}. */
    Person resolve(String numberKey, SenderIds ids, Instant seenAt);

    /** The person known on {@code numberKey} by this BSUID, if any. */
    Optional<Person> findByUserId(String numberKey, String userId);

    /** The person known on {@code numberKey} by this canonical phone, if any; records nothing. */
    Optional<Person> findByPhone(String numberKey, PhoneNumber phone);

    /** A person's BSUID changed ({@code user_changed_user_id}). */
    void changeUserId(String numberKey, String previousUserId, String newUserId, Instant at);

    /**
     * A person's phone changed ({@code user_changed_number}); they are found by {@code previousPhone} or
     * {@code previousUserId}, and a new BSUID (Meta makes one with every new phone) is taken when given.
     */
    void changeNumber(
            String numberKey,
            Optional<PhoneNumber> previousPhone,
            Optional<String> previousUserId,
            PhoneNumber newPhone,
            Optional<String> newUserId,
            Instant at);

    /** The number key of a Meta phone id. */
    static String metaKey(String phoneId) {
        return "id:" + phoneId;
    }

    /** The number key of a business number known only by its number (Twilio). */
    static String numberKey(PhoneNumber number) {
        return "tel:" + number.e164();
    }

    /**
     * A directory that remembers nobody: every message's thread is its phone, else {@code user:<BSUID>}. For
     * embedding and tests that do not care about identity; the gateway itself keeps people in its database.
     */
    static PersonDirectory stateless() {
        return StatelessPersonDirectory.INSTANCE;
    }
}
