package com.vendin.whatsapp.persistence.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.db.WritePurpose;
import com.vendin.whatsapp.persistence.identity.JdbiPersonDirectory;
import com.vendin.whatsapp.persistence.testing.Backend;
import com.vendin.whatsapp.ports.identity.Person;
import com.vendin.whatsapp.ports.identity.PersonDirectory;
import com.vendin.whatsapp.ports.identity.SenderIds;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.testing.contract.PersonDirectoryContract;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The person directory's contract over {@code persons}, on SQLite and on PostgreSQL, plus concurrency. */
@ParameterizedClass
@EnumSource(Backend.class)
class JdbiPersonDirectoryTest extends PersonDirectoryContract {
    @Parameter
    Backend backend;

    @TempDir
    Path dir;

    private Database db;

    @Override
    protected PersonDirectory newDirectory() {
        db = backend.migrated(dir);
        return new JdbiPersonDirectory(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void knownPersonWithNothingNewWritingAgainWithinAMinuteCostsNoWriteTransaction() {
        PersonDirectory persons = new JdbiPersonDirectory(db);
        String store = PersonDirectory.metaKey("100000000000001");
        Instant t0 = Instant.parse("2026-11-24T12:00:00Z");
        SenderIds ana = new SenderIds(
                Optional.of(new PhoneNumber("+5511988887777")),
                Optional.of("BR.1001"),
                Optional.empty(),
                Optional.of("ana"));
        Person first = persons.resolve(store, ana, t0);
        long writes = db.committedWrites(WritePurpose.IDENTITY);

        Person again = persons.resolve(store, ana, t0.plusSeconds(59));
        Person phoneOnly = persons.resolve(
                store,
                new SenderIds(ana.phone(), Optional.empty(), Optional.empty(), Optional.empty()),
                t0.plusSeconds(30));

        assertThat(db.committedWrites(WritePurpose.IDENTITY)).isEqualTo(writes);
        assertThat(again.threadId()).isEqualTo(first.threadId());
        assertThat(phoneOnly.threadId()).isEqualTo(first.threadId());
        SenderIds renamed = new SenderIds(ana.phone(), ana.userId(), Optional.empty(), Optional.of("ana.new"));
        persons.resolve(store, renamed, t0.plusSeconds(1));
        assertThat(db.committedWrites(WritePurpose.IDENTITY))
                .as("a new username is written")
                .isEqualTo(writes + 1);
        persons.resolve(store, renamed, t0.plusSeconds(50));
        assertThat(db.committedWrites(WritePurpose.IDENTITY)).isEqualTo(writes + 1);
        persons.resolve(store, renamed, t0.plusSeconds(62));
        assertThat(db.committedWrites(WritePurpose.IDENTITY))
                .as("and so is last_seen once a minute old")
                .isEqualTo(writes + 2);
    }

    @Test
    void aBurstOfFirstMessagesOfOnePersonCostsOneWriteTransaction() throws Exception {
        PersonDirectory persons = new JdbiPersonDirectory(db);
        String store = PersonDirectory.metaKey("100000000000001");
        Instant t0 = Instant.parse("2026-11-24T12:00:00Z");
        SenderIds ana = new SenderIds(
                Optional.of(new PhoneNumber("+5511988887777")), Optional.empty(), Optional.empty(), Optional.empty());
        long writes = db.committedWrites(WritePurpose.IDENTITY);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Person>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                // Meta stamps messages in whole seconds: a burst carries one timestamp. (An earlier stamp than the
                // stored first_seen is news, and is written.)
                results.add(pool.submit(() -> persons.resolve(store, ana, t0)));
            }
            Set<String> threads = new java.util.HashSet<>();
            for (Future<Person> result : results) {
                threads.add(result.get().threadId());
            }
            assertThat(threads).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(db.committedWrites(WritePurpose.IDENTITY)).isEqualTo(writes + 1);
    }

    @Test
    void concurrentFirstMessagesOfOnePersonMakeOnePerson() throws Exception {
        PersonDirectory persons = new JdbiPersonDirectory(db);
        String store = PersonDirectory.metaKey("100000000000001");
        Instant t0 = Instant.parse("2026-11-24T12:00:00Z");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Person>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                boolean withPhone = i % 2 == 0;
                SenderIds ids = new SenderIds(
                        withPhone ? Optional.of(new PhoneNumber("+5511988887777")) : Optional.empty(),
                        Optional.of("BR.1001"),
                        Optional.empty(),
                        Optional.empty());
                Instant at = t0.plusMillis(i);
                results.add(pool.submit(() -> persons.resolve(store, ids, at)));
            }
            Set<String> threads = new java.util.HashSet<>();
            for (Future<Person> result : results) {
                threads.add(result.get().threadId());
            }
            assertThat(threads).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        long rows = db.inRead(handle -> handle.createQuery("SELECT COUNT(*) FROM persons")
                .mapTo(Long.class)
                .one());
        assertThat(rows).isEqualTo(1);
        assertThat(persons.findByUserId(store, "BR.1001").flatMap(Person::phone))
                .contains(new PhoneNumber("+5511988887777"));
    }

    @Test
    void whatIsStoredIsReadBack() {
        PersonDirectory persons = new JdbiPersonDirectory(db);
        String store = PersonDirectory.numberKey(new PhoneNumber("+5511999933333"));
        persons.resolve(
                store,
                new SenderIds(
                        Optional.empty(), Optional.of("US.1234"), Optional.of("US.ENT.5678"), Optional.of("@kfisher")),
                Instant.parse("2026-11-24T12:00:00Z"));

        Person read = persons.findByUserId(store, "US.1234").orElseThrow();

        assertThat(read.parentUserId()).contains("US.ENT.5678");
        assertThat(read.username()).contains("@kfisher");
        assertThat(read.threadId()).isEqualTo("user:US.1234");
        List<String> keys = db.inRead(h -> h.createQuery("SELECT number_key FROM persons")
                .mapTo(String.class)
                .list());
        assertThat(keys).containsExactly("tel:+5511999933333");
    }
}
