package com.vendin.whatsapp.ports.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.ports.identity.Person;
import com.vendin.whatsapp.ports.identity.PersonDirectory;
import com.vendin.whatsapp.ports.identity.SenderIds;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link PersonDirectory} must do (CONTRACT §2.4). Extend it with a directory made fresh for each test. */
public abstract class PersonDirectoryContract {
    private static final String STORE = PersonDirectory.metaKey("100000000000001");
    private static final String OTHER_STORE = PersonDirectory.metaKey("100000000000002");
    private static final PhoneNumber ANA = new PhoneNumber("+5511988887777");
    private static final PhoneNumber ANA_NEW = new PhoneNumber("+5511977776666");
    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

    private PersonDirectory persons;

    /** A fresh, empty directory. */
    protected abstract PersonDirectory newDirectory();

    @BeforeEach
    void freshDirectory() {
        persons = newDirectory();
    }

    private static SenderIds ids(PhoneNumber phone, String userId, String username) {
        return new SenderIds(
                Optional.ofNullable(phone),
                Optional.ofNullable(userId),
                Optional.empty(),
                Optional.ofNullable(username));
    }

    @Test
    void aNewPersonWithAPhoneStartsThePhoneThread() {
        Person ana = persons.resolve(STORE, ids(ANA, "BR.1001", null), T0);

        assertThat(ana.threadId()).isEqualTo("+5511988887777");
        assertThat(ana.userId()).contains("BR.1001");
        assertThat(ana.firstSeen()).isEqualTo(T0);
    }

    @Test
    void aNewPersonWithoutAPhoneStartsAUserThread() {
        Person kerry = persons.resolve(STORE, ids(null, "US.1234", "kfisher"), T0);

        assertThat(kerry.threadId()).isEqualTo("user:US.1234");
        assertThat(kerry.phone()).isEmpty();
        assertThat(kerry.username()).contains("kfisher");
    }

    @Test
    void phoneAndBsuidThenBsuidOnlyStaysInThePhoneThread() {
        persons.resolve(STORE, ids(ANA, "BR.1001", null), T0);

        Person later = persons.resolve(STORE, ids(null, "BR.1001", "ana.s"), T0.plusSeconds(60));

        assertThat(later.threadId()).isEqualTo("+5511988887777");
        assertThat(later.phone()).contains(ANA);
        assertThat(later.username()).contains("ana.s");
        assertThat(later.firstSeen()).isEqualTo(T0);
        assertThat(later.lastSeen()).isEqualTo(T0.plusSeconds(60));
        assertThat(persons.findByUserId(STORE, "BR.1001")).map(Person::threadId).contains("+5511988887777");
    }

    @Test
    void aBsuidThreadKeepsItsThreadWhenThePhoneAppears() {
        persons.resolve(STORE, ids(null, "BR.1001", null), T0);

        Person later = persons.resolve(STORE, ids(ANA, "BR.1001", null), T0.plusSeconds(5));

        assertThat(later.threadId()).isEqualTo("user:BR.1001");
        assertThat(later.phone()).contains(ANA);
        assertThat(persons.resolve(STORE, ids(ANA, null, null), T0.plusSeconds(9))
                        .threadId())
                .isEqualTo("user:BR.1001");
    }

    @Test
    void twoPeopleNamedByOneMessageBecomeTheOneFirstSeen() {
        persons.resolve(STORE, ids(ANA, null, null), T0);
        persons.resolve(STORE, ids(null, "BR.1001", null), T0.plusSeconds(10));

        Person merged = persons.resolve(STORE, ids(ANA, "BR.1001", null), T0.plusSeconds(20));

        assertThat(merged.threadId()).isEqualTo("+5511988887777");
        assertThat(persons.findByUserId(STORE, "BR.1001")).map(Person::threadId).contains("+5511988887777");
        assertThat(persons.resolve(STORE, ids(null, "BR.1001", null), T0.plusSeconds(30))
                        .phone())
                .contains(ANA);
    }

    @Test
    void findByPhoneFindsThePersonAPhoneWasPairedWithAndRecordsNobody() {
        persons.resolve(STORE, ids(null, "BR.1001", null), T0);
        persons.resolve(STORE, ids(ANA, "BR.1001", null), T0.plusSeconds(5));

        assertThat(persons.findByPhone(STORE, ANA)).map(Person::threadId).contains("user:BR.1001");
        assertThat(persons.findByPhone(OTHER_STORE, ANA)).isEmpty();
        assertThat(persons.resolve(OTHER_STORE, ids(ANA, null, null), T0).threadId())
                .isEqualTo(ANA.e164());
    }

    @Test
    void peopleAreNeverJoinedAcrossNumbers() {
        persons.resolve(STORE, ids(ANA, "BR.1001", null), T0);

        Person elsewhere = persons.resolve(OTHER_STORE, ids(null, "BR.1001", null), T0);

        assertThat(elsewhere.threadId()).isEqualTo("user:BR.1001");
        assertThat(elsewhere.phone()).isEmpty();
        assertThat(persons.findByUserId(OTHER_STORE, "BR.9999")).isEmpty();
    }

    @Test
    void aChangedUserIdContinuesTheOldThread() {
        persons.resolve(STORE, ids(null, "US.1234", "kfisher"), T0);

        persons.changeUserId(STORE, "US.1234", "US.5678", T0.plusSeconds(60));

        assertThat(persons.findByUserId(STORE, "US.1234")).isEmpty();
        Person next = persons.resolve(STORE, ids(null, "US.5678", null), T0.plusSeconds(120));
        assertThat(next.threadId()).isEqualTo("user:US.1234");
        assertThat(next.username()).contains("kfisher");
    }

    @Test
    void aChangedUserIdMergesAPersonTheNewIdAlreadyStarted() {
        persons.resolve(STORE, ids(null, "US.1234", null), T0);
        persons.resolve(STORE, ids(null, "US.5678", null), T0.plusSeconds(30));

        persons.changeUserId(STORE, "US.1234", "US.5678", T0.plusSeconds(60));

        assertThat(persons.findByUserId(STORE, "US.5678")).map(Person::threadId).contains("user:US.1234");
    }

    @Test
    void aChangeOfAnUnknownUserIdChangesNothing() {
        persons.changeUserId(STORE, "US.1234", "US.5678", T0);

        assertThat(persons.findByUserId(STORE, "US.5678")).isEmpty();
        assertThat(persons.resolve(STORE, ids(null, "US.5678", null), T0).threadId())
                .isEqualTo("user:US.5678");
    }

    @Test
    void aChangedNumberKeepsTheThreadAndTakesTheNewIds() {
        persons.resolve(STORE, ids(ANA, "BR.1001", null), T0);

        persons.changeNumber(
                STORE, Optional.of(ANA), Optional.of("BR.1001"), ANA_NEW, Optional.of("BR.2002"), T0.plusSeconds(60));

        Person byNewPhone = persons.resolve(STORE, ids(ANA_NEW, null, null), T0.plusSeconds(90));
        assertThat(byNewPhone.threadId()).isEqualTo("+5511988887777");
        assertThat(byNewPhone.userId()).contains("BR.2002");
        assertThat(persons.findByUserId(STORE, "BR.1001")).isEmpty();
        assertThat(persons.resolve(STORE, ids(null, "BR.2002", null), T0.plusSeconds(95))
                        .threadId())
                .isEqualTo("+5511988887777");
    }

    @Test
    void aChangedNumberFoundByTheUserIdAlone() {
        persons.resolve(STORE, ids(null, "BR.1001", null), T0);

        persons.changeNumber(STORE, Optional.empty(), Optional.of("BR.1001"), ANA_NEW, Optional.empty(), T0);

        assertThat(persons.resolve(STORE, ids(ANA_NEW, null, null), T0).threadId())
                .isEqualTo("user:BR.1001");
    }
}
