package com.vendin.whatsapp.persistence.numbers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.tenant.JdbiTenantRepository;
import com.vendin.whatsapp.persistence.testing.Backend;
import com.vendin.whatsapp.persistence.testing.Samples;
import com.vendin.whatsapp.persistence.testing.TestDatabases;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.numbers.PoolStatus;
import com.vendin.whatsapp.ports.numbers.TwilioSubaccount;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Backend.class)
class JdbiProvisioningStoreTest {
    @Parameter
    Backend backend;

    private static final TenantId MODA = new TenantId("moda");

    @TempDir
    Path dir;

    private Database db;
    private JdbiTenantRepository tenants;
    private JdbiProvisioningStore store;

    @BeforeEach
    void open() {
        db = backend.migrated(dir);
        tenants = new JdbiTenantRepository(db, TestDatabases.cipher(), TestDatabases.CLOCK);
        store = new JdbiProvisioningStore(db, TestDatabases.cipher());
        tenants.insert(Samples.tenant("moda", "moda", Optional.empty()));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void givenTenantHoldingAPoolNumberWhenAMetaNumberIsStoredThenItReplacesItThePoolNumberIsFreeAndThePinIsKept() {
        JdbiNumberPool pool = new JdbiNumberPool(db);
        pool.add(new PhoneNumber("+15550000001"), "p1", PoolStatus.AVAILABLE, TestDatabases.T0);
        pool.assign(MODA, TestDatabases.T0);

        store.storeMetaNumber(
                MODA,
                Samples.metaNumber("+5511955551234", "pid", "business-token"),
                "waba",
                new Secret("123456"),
                TestDatabases.T0);

        assertThat(tenants.findById(MODA).orElseThrow().whatsapp().orElseThrow().accessToken())
                .contains(new Secret("business-token"));
        assertThat(pool.list())
                .singleElement()
                .satisfies(n -> assertThat(n.status()).isEqualTo(PoolStatus.AVAILABLE));
        assertThat(store.registrationPin(MODA)).contains(new Secret("123456"));
    }

    @Test
    void givenAnotherTenantsNumberWhenStoredThenPhoneNumberTakenAndNothingChanges() {
        tenants.insert(Samples.tenant("other", "other", Optional.of(Samples.metaNumber("+5511955551234", "x", "t"))));

        assertThatThrownBy(() -> store.storeMetaNumber(
                        MODA,
                        Samples.metaNumber("+5511955551234", "pid", "t2"),
                        "waba",
                        new Secret("123456"),
                        TestDatabases.T0))
                .isInstanceOfSatisfying(
                        GatewayRejection.class, r -> assertThat(r.code()).isEqualTo("phone_number_taken"));
        assertThat(tenants.findById(MODA).orElseThrow().whatsapp()).isEmpty();
        assertThat(store.registrationPin(MODA)).isEmpty();
    }

    @Test
    void givenSavedSubaccountWhenReadThenSidAndTokenComeBackAndTheTenantsPatchDoesNotLoseThem() {
        store.saveTwilioSubaccount(MODA, new TwilioSubaccount("AC1", new Secret("sub token")), TestDatabases.T0);
        tenants.update(Samples.tenant("moda", "moda-renamed", Optional.empty()));

        assertThat(store.twilioSubaccount(MODA)).contains(new TwilioSubaccount("AC1", new Secret("sub token")));
        assertThat(store.twilioSubaccount(new TenantId("other"))).isEmpty();
    }
}
