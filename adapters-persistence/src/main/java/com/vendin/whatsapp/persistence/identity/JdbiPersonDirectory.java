package com.vendin.whatsapp.persistence.identity;

import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.db.Dialect;
import com.vendin.whatsapp.persistence.db.WritePurpose;
import com.vendin.whatsapp.ports.identity.Person;
import com.vendin.whatsapp.ports.identity.PersonDirectory;
import com.vendin.whatsapp.ports.identity.SenderIds;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The people of each business number in {@code persons} (CONTRACT §2.4; the rules are {@link PersonDirectory}'s).
 * Every change is a read-then-write in one write transaction: on SQLite writes take turns, on PostgreSQL the
 * transaction first locks the person's identifiers ({@link Dialect#lock}), and the unique indexes on
 * {@code (number_key, phone)} and {@code (number_key, user_id)} stop two people with one identifier whatever
 * happens.
 */
public final class JdbiPersonDirectory implements PersonDirectory {
    private static final String COLUMNS =
            "id, number_key, thread_id, phone, user_id, parent_user_id, username, " + "first_seen, last_seen";

    private final Database db;

    public JdbiPersonDirectory(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * A known person whose identifiers did not change is read, not written: {@code last_seen} is kept to this
     * precision, so that a customer's every message costs no write transaction (issue 15).
     */
    static final long LAST_SEEN_PRECISION_MILLIS = 60_000;

    /**
     * Concurrent first messages of one person (a customer's burst) take turns here, in memory, so that the first
     * writes the person and the others read it instead of each running a write transaction: striped by the
     * person's first identifier, a wait only ever behind the same person (or a rare neighbour of the stripe).
     */
    private final ReentrantLock[] resolving = new ReentrantLock[64];

    {
        for (int i = 0; i < resolving.length; i++) {
            resolving[i] = new ReentrantLock();
        }
    }

    @Override
    public Person resolve(String numberKey, SenderIds ids, Instant seenAt) {
        Optional<Row> known = unchanged(numberKey, ids, seenAt.toEpochMilli());
        if (known.isPresent()) {
            return known.get().toPerson();
        }
        String first = ids.phone().map(PhoneNumber::e164).or(ids::userId).orElse("");
        ReentrantLock lock = resolving[Math.floorMod((numberKey + first).hashCode(), resolving.length)];
        lock.lock();
        try {
            return resolveTakingTurns(numberKey, ids, seenAt);
        } finally {
            lock.unlock();
        }
    }

    /** The person of {@code ids}, when stored with every identifier of {@code ids} and seen recently enough. */
    private Optional<Row> unchanged(String numberKey, SenderIds ids, long at) {
        Optional<String> phone = ids.phone().map(PhoneNumber::e164);
        return db.inRead(handle -> {
            Optional<Row> byPhone = phone.flatMap(p -> find(handle, numberKey, "phone", p));
            Optional<Row> byUser = byPhone.filter(
                            row -> ids.userId().isEmpty() || ids.userId().get().equals(row.userId))
                    .or(() -> ids.userId().flatMap(u -> find(handle, numberKey, "user_id", u)));
            return byUser.filter(row -> nothingNew(row, phone, ids, at));
        });
    }

    private Person resolveTakingTurns(String numberKey, SenderIds ids, Instant seenAt) {
        long at = seenAt.toEpochMilli();
        Optional<String> phone = ids.phone().map(PhoneNumber::e164);
        // Again now that this person's turn came: a first message ahead of it may have written it.
        Optional<Row> written = unchanged(numberKey, ids, at);
        if (written.isPresent()) {
            return written.get().toPerson();
        }
        return db.inWrite(WritePurpose.IDENTITY, handle -> {
            Dialect.lock(handle, lockKeys(numberKey, phone, ids.userId()));
            Optional<Row> byPhone = phone.flatMap(p -> find(handle, numberKey, "phone", p));
            Optional<Row> byUser = ids.userId().flatMap(u -> find(handle, numberKey, "user_id", u));
            boolean twoMerged = byPhone.isPresent() && byUser.isPresent() && byPhone.get().id != byUser.get().id;
            Optional<Row> kept = merged(handle, byPhone, byUser);
            if (kept.isEmpty()) {
                Row created = new Row(
                        0,
                        numberKey,
                        ids.newThreadId(),
                        phone.orElse(null),
                        ids.userId().orElse(null),
                        ids.parentUserId().orElse(null),
                        ids.username().orElse(null),
                        at,
                        at);
                insert(handle, created);
                return find(
                                handle,
                                numberKey,
                                phone.isPresent() ? "phone" : "user_id",
                                phone.orElseGet(() -> ids.userId().orElseThrow()))
                        .orElseThrow()
                        .toPerson();
            }
            Row row = kept.get();
            if (!twoMerged && nothingNew(row, phone, ids, at)) {
                return row.toPerson(); // a concurrent first message of the same person wrote it meanwhile
            }
            Row updated = new Row(
                    row.id,
                    numberKey,
                    row.threadId,
                    phone.orElse(row.phone),
                    ids.userId().orElse(row.userId),
                    ids.parentUserId().orElse(row.parentUserId),
                    ids.username().orElse(row.username),
                    Math.min(row.firstSeen, at),
                    Math.max(row.lastSeen, at));
            update(handle, updated);
            return updated.toPerson();
        });
    }

    /** Whether {@code row} already holds every identifier of {@code ids} and was seen recently enough. */
    private static boolean nothingNew(Row row, Optional<String> phone, SenderIds ids, long at) {
        return phone.map(p -> p.equals(row.phone)).orElse(true)
                && ids.userId().map(u -> u.equals(row.userId)).orElse(true)
                && ids.parentUserId().map(u -> u.equals(row.parentUserId)).orElse(true)
                && ids.username().map(u -> u.equals(row.username)).orElse(true)
                && row.firstSeen <= at
                && at - row.lastSeen < LAST_SEEN_PRECISION_MILLIS;
    }

    @Override
    public Optional<Person> findByUserId(String numberKey, String userId) {
        return db.inRead(handle -> find(handle, numberKey, "user_id", userId)).map(Row::toPerson);
    }

    @Override
    public Optional<Person> findByPhone(String numberKey, PhoneNumber phone) {
        return db.inRead(handle -> find(handle, numberKey, "phone", phone.e164()))
                .map(Row::toPerson);
    }

    @Override
    public void changeUserId(String numberKey, String previousUserId, String newUserId, Instant at) {
        db.useWrite(handle -> {
            Dialect.lock(
                    handle, lockKeys(numberKey, Optional.empty(), Optional.of(previousUserId), Optional.of(newUserId)));
            Optional<Row> previous = find(handle, numberKey, "user_id", previousUserId);
            if (previous.isEmpty() || previousUserId.equals(newUserId)) {
                return;
            }
            Row kept = absorb(handle, previous.get(), find(handle, numberKey, "user_id", newUserId));
            update(handle, kept.withUserId(newUserId).seenAt(at.toEpochMilli()));
        });
    }

    @Override
    public void changeNumber(
            String numberKey,
            Optional<PhoneNumber> previousPhone,
            Optional<String> previousUserId,
            PhoneNumber newPhone,
            Optional<String> newUserId,
            Instant at) {
        Optional<String> oldPhone = previousPhone.map(PhoneNumber::e164);
        db.useWrite(handle -> {
            Dialect.lock(
                    handle, lockKeys(numberKey, oldPhone, previousUserId, newUserId, Optional.of(newPhone.e164())));
            Optional<Row> previous = oldPhone.flatMap(p -> find(handle, numberKey, "phone", p))
                    .or(() -> previousUserId.flatMap(u -> find(handle, numberKey, "user_id", u)));
            if (previous.isEmpty()) {
                return;
            }
            Row kept = absorb(handle, previous.get(), find(handle, numberKey, "phone", newPhone.e164()));
            kept = absorb(handle, kept, newUserId.flatMap(u -> find(handle, numberKey, "user_id", u)));
            Row moved = new Row(
                    kept.id,
                    numberKey,
                    kept.threadId,
                    newPhone.e164(),
                    newUserId.orElse(kept.userId),
                    kept.parentUserId,
                    kept.username,
                    kept.firstSeen,
                    kept.lastSeen);
            update(handle, moved.seenAt(at.toEpochMilli()));
        });
    }

    /** One person from two lookups: the one first seen keeps its thread and takes the other's identifiers. */
    private static Optional<Row> merged(Handle handle, Optional<Row> byPhone, Optional<Row> byUser) {
        if (byPhone.isEmpty() || byUser.isEmpty()) {
            return byPhone.or(() -> byUser);
        }
        Row a = byPhone.get();
        Row b = byUser.get();
        if (a.id == b.id) {
            return byPhone;
        }
        boolean aFirst = a.firstSeen < b.firstSeen || (a.firstSeen == b.firstSeen && a.id < b.id);
        return Optional.of(absorb(handle, aFirst ? a : b, Optional.of(aFirst ? b : a)));
    }

    /** Forgets {@code other} (when present and not {@code kept}) and gives {@code kept} what it lacks of it. */
    private static Row absorb(Handle handle, Row kept, Optional<Row> other) {
        if (other.isEmpty() || other.get().id == kept.id) {
            return kept;
        }
        Row gone = other.get();
        handle.createUpdate("DELETE FROM persons WHERE id = :id")
                .bind("id", gone.id)
                .execute();
        return new Row(
                kept.id,
                kept.numberKey,
                kept.threadId,
                first(kept.phone, gone.phone),
                first(kept.userId, gone.userId),
                first(kept.parentUserId, gone.parentUserId),
                first(kept.username, gone.username),
                Math.min(kept.firstSeen, gone.firstSeen),
                Math.max(kept.lastSeen, gone.lastSeen));
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    @SafeVarargs
    private static List<String> lockKeys(String numberKey, Optional<String> phone, Optional<String>... userIds) {
        List<String> keys = new ArrayList<>();
        phone.ifPresent(p -> keys.add("person:" + numberKey + ":" + p));
        for (Optional<String> id : userIds) {
            id.ifPresent(u -> keys.add("person:" + numberKey + ":" + u));
        }
        return keys;
    }

    private static Optional<Row> find(Handle handle, String numberKey, String column, String value) {
        return handle.createQuery(
                        "SELECT " + COLUMNS + " FROM persons WHERE number_key = :key AND " + column + " = :value")
                .bind("key", numberKey)
                .bind("value", value)
                .map(JdbiPersonDirectory::row)
                .findOne();
    }

    private static void insert(Handle handle, Row row) {
        handle.createUpdate("INSERT INTO persons (number_key, thread_id, phone, user_id, parent_user_id, username, "
                        + "first_seen, last_seen) VALUES (:numberKey, :threadId, :phone, :userId, :parentUserId, "
                        + ":username, :firstSeen, :lastSeen)")
                .bindMethods(row)
                .execute();
    }

    private static void update(Handle handle, Row row) {
        handle.createUpdate("UPDATE persons SET phone = :phone, user_id = :userId, parent_user_id = :parentUserId, "
                        + "username = :username, first_seen = :firstSeen, last_seen = :lastSeen WHERE id = :id")
                .bindMethods(row)
                .execute();
    }

    private static Row row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getString("number_key"),
                rs.getString("thread_id"),
                rs.getString("phone"),
                rs.getString("user_id"),
                rs.getString("parent_user_id"),
                rs.getString("username"),
                rs.getLong("first_seen"),
                rs.getLong("last_seen"));
    }

    /** A {@code persons} row (public only for Jdbi binding); absent values are null. */
    public record Row(
            long id,
            String numberKey,
            String threadId,
            String phone,
            String userId,
            String parentUserId,
            String username,
            long firstSeen,
            long lastSeen) {
        Row withUserId(String newUserId) {
            return new Row(id, numberKey, threadId, phone, newUserId, parentUserId, username, firstSeen, lastSeen);
        }

        Row seenAt(long at) {
            return new Row(
                    id,
                    numberKey,
                    threadId,
                    phone,
                    userId,
                    parentUserId,
                    username,
                    Math.min(firstSeen, at),
                    Math.max(lastSeen, at));
        }

        Person toPerson() {
            return new Person(
                    numberKey,
                    threadId,
                    Optional.ofNullable(phone).map(PhoneNumber::new),
                    Optional.ofNullable(userId),
                    Optional.ofNullable(parentUserId),
                    Optional.ofNullable(username),
                    Instant.ofEpochMilli(firstSeen),
                    Instant.ofEpochMilli(lastSeen));
        }
    }
}
