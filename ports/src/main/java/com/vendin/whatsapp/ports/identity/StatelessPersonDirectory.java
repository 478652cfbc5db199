package com.vendin.whatsapp.ports.identity;

import com.vendin.whatsapp.ports.phone.PhoneNumber;
import java.time.Instant;
import java.util.Optional;

/** {@link PersonDirectory#stateless()}. */
enum StatelessPersonDirectory implements PersonDirectory {
    INSTANCE;

    @Override
    public Person resolve(String numberKey, SenderIds ids, Instant seenAt) {
        return new Person(
                numberKey,
                ids.newThreadId(),
                ids.phone(),
                ids.userId(),
                ids.parentUserId(),
                ids.username(),
                seenAt,
                seenAt);
    }

    @Override
    public Optional<Person> findByUserId(String numberKey, String userId) {
        return Optional.empty();
    }

    @Override
    public Optional<Person> findByPhone(String numberKey, PhoneNumber phone) {
        return Optional.empty();
    }

    @Override
    public void changeUserId(String numberKey, String previousUserId, String newUserId, Instant at) {
        // remembers nobody
    }

    @Override
    public void changeNumber(
            String numberKey,
            Optional<PhoneNumber> previousPhone,
            Optional<String> previousUserId,
            PhoneNumber newPhone,
            Optional<String> newUserId,
            Instant at) {
        // remembers nobody
    }
}
