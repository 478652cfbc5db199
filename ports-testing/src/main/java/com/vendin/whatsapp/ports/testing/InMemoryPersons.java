package com.vendin.whatsapp.ports.testing;

import com.vendin.whatsapp.ports.identity.Person;
import com.vendin.whatsapp.ports.identity.PersonDirectory;
import com.vendin.whatsapp.ports.identity.SenderIds;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A {@link PersonDirectory} in memory, following the port's rules (checked by {@code PersonDirectoryContract}). */
public final class InMemoryPersons implements PersonDirectory {
    private final List<Person> people = new ArrayList<>();

    @Override
    public synchronized Person resolve(String numberKey, SenderIds ids, Instant seenAt) {
        Optional<Person> byPhone = ids.phone().flatMap(p -> find(numberKey, p));
        Optional<Person> byUser = ids.userId().flatMap(u -> findUser(numberKey, u));
        Optional<Person> kept = merged(byPhone, byUser);
        Person person = kept.map(k -> new Person(
                        numberKey,
                        k.threadId(),
                        ids.phone().or(k::phone),
                        ids.userId().or(k::userId),
                        ids.parentUserId().or(k::parentUserId),
                        ids.username().or(k::username),
                        min(k.firstSeen(), seenAt),
                        max(k.lastSeen(), seenAt)))
                .orElseGet(() -> new Person(
                        numberKey,
                        ids.newThreadId(),
                        ids.phone(),
                        ids.userId(),
                        ids.parentUserId(),
                        ids.username(),
                        seenAt,
                        seenAt));
        kept.ifPresent(people::remove);
        people.add(person);
        return person;
    }

    @Override
    public synchronized Optional<Person> findByUserId(String numberKey, String userId) {
        return findUser(numberKey, userId);
    }

    @Override
    public synchronized Optional<Person> findByPhone(String numberKey, PhoneNumber phone) {
        return find(numberKey, phone);
    }

    @Override
    public synchronized void changeUserId(String numberKey, String previousUserId, String newUserId, Instant at) {
        Optional<Person> previous = findUser(numberKey, previousUserId);
        if (previous.isEmpty() || previousUserId.equals(newUserId)) {
            return;
        }
        Person kept = absorb(previous.get(), findUser(numberKey, newUserId));
        replace(
                kept,
                new Person(
                        numberKey,
                        kept.threadId(),
                        kept.phone(),
                        Optional.of(newUserId),
                        kept.parentUserId(),
                        kept.username(),
                        min(kept.firstSeen(), at),
                        max(kept.lastSeen(), at)));
    }

    @Override
    public synchronized void changeNumber(
            String numberKey,
            Optional<PhoneNumber> previousPhone,
            Optional<String> previousUserId,
            PhoneNumber newPhone,
            Optional<String> newUserId,
            Instant at) {
        Optional<Person> previous = previousPhone
                .flatMap(p -> find(numberKey, p))
                .or(() -> previousUserId.flatMap(u -> findUser(numberKey, u)));
        if (previous.isEmpty()) {
            return;
        }
        Person kept = absorb(previous.get(), find(numberKey, newPhone));
        kept = absorb(kept, newUserId.flatMap(u -> findUser(numberKey, u)));
        replace(
                kept,
                new Person(
                        numberKey,
                        kept.threadId(),
                        Optional.of(newPhone),
                        newUserId.or(kept::userId),
                        kept.parentUserId(),
                        kept.username(),
                        min(kept.firstSeen(), at),
                        max(kept.lastSeen(), at)));
    }

    /** Everyone remembered, in no particular order. */
    public synchronized List<Person> all() {
        return List.copyOf(people);
    }

    private Optional<Person> merged(Optional<Person> byPhone, Optional<Person> byUser) {
        if (byPhone.isEmpty() || byUser.isEmpty() || byPhone.get() == byUser.get()) {
            return byPhone.or(() -> byUser);
        }
        Person a = byPhone.get();
        Person b = byUser.get();
        boolean aFirst = !b.firstSeen().isBefore(a.firstSeen())
                && (b.firstSeen().isAfter(a.firstSeen()) || people.indexOf(a) < people.indexOf(b));
        return Optional.of(absorb(aFirst ? a : b, Optional.of(aFirst ? b : a)));
    }

    /** Forgets {@code other} and returns {@code kept} with what it lacked of it (kept stays listed where it was). */
    private Person absorb(Person kept, Optional<Person> other) {
        if (other.isEmpty() || other.get() == kept) {
            return kept;
        }
        Person gone = other.get();
        people.remove(gone);
        Person merged = new Person(
                kept.numberKey(),
                kept.threadId(),
                kept.phone().or(gone::phone),
                kept.userId().or(gone::userId),
                kept.parentUserId().or(gone::parentUserId),
                kept.username().or(gone::username),
                min(kept.firstSeen(), gone.firstSeen()),
                max(kept.lastSeen(), gone.lastSeen()));
        int at = people.indexOf(kept);
        if (at >= 0) {
            people.set(at, merged);
        }
        return merged;
    }

    private void replace(Person old, Person updated) {
        int at = people.indexOf(old);
        if (at >= 0) {
            people.set(at, updated);
        } else {
            people.add(updated);
        }
    }

    private Optional<Person> find(String numberKey, PhoneNumber phone) {
        return people.stream()
                .filter(p -> p.numberKey().equals(numberKey) && p.phone().equals(Optional.of(phone)))
                .findFirst();
    }

    private Optional<Person> findUser(String numberKey, String userId) {
        return people.stream()
                .filter(p -> p.numberKey().equals(numberKey) && p.userId().equals(Optional.of(userId)))
                .findFirst();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    @Override
    public String toString() {
        return "InMemoryPersons" + Objects.toString(people);
    }
}
