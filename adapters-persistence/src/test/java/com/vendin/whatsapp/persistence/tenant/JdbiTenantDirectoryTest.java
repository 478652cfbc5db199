package com.vendin.whatsapp.persistence.tenant;

import static com.vendin.whatsapp.persistence.testing.Samples.metaNumber;
import static com.vendin.whatsapp.persistence.testing.Samples.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.testing.Backend;
import com.vendin.whatsapp.persistence.testing.TestDatabases;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.AdminPhone;
import com.vendin.whatsapp.ports.tenant.Tenant;
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
class JdbiTenantDirectoryTest {
    @Parameter
    Backend backend;

    @TempDir
    Path dir;

    Database db;
    JdbiTenantDirectory directory;
    Tenant moda = tenant("moda", "moda", Optional.of(metaNumber("+5511933334444", "1098", "EAAG-token")));

    @BeforeEach
    void open() {
        db = backend.migrated(dir);
        new JdbiTenantRepository(db, TestDatabases.cipher(), TestDatabases.CLOCK).insert(moda);
        new JdbiTenantRepository(db, TestDatabases.cipher(), TestDatabases.CLOCK)
                .insert(tenant("shop", "shop", Optional.empty()));
        directory = new JdbiTenantDirectory(db, TestDatabases.cipher());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void givenStoreWithMetaNumberWhenLookedUpByPhoneIdOrNumberThenFoundWithDecryptedToken() {
        assertThat(directory.findByPhoneId("1098")).contains(moda);
        assertThat(directory.findByNumber(new PhoneNumber("+5511933334444"))).contains(moda);
        assertThat(directory.findByPhoneId("1098").flatMap(t -> t.whatsapp()).flatMap(n -> n.accessToken()))
                .get()
                .extracting(s -> s.reveal())
                .isEqualTo("EAAG-token");
    }

    @Test
    void givenUnknownPhoneIdOrNumberWhenLookedUpThenEmpty() {
        assertThat(directory.findByPhoneId("999")).isEmpty();
        assertThat(directory.findByNumber(new PhoneNumber("+5511900000000"))).isEmpty();
        assertThat(directory.findAdminByPhone(new PhoneNumber("+5511900000000")))
                .isEmpty();
    }

    @Test
    void givenRegisteredAdminPhoneWhenLookedUpThenItsRegistration() {
        AdminPhone admin = new AdminPhone(
                "adm-1",
                new TenantId("shop"),
                "user-1",
                new PhoneNumber("+5511999991111"),
                "owner",
                TestDatabases.T0,
                TestDatabases.T0);
        new JdbiAdminPhoneRepository(db).add(admin);

        assertThat(directory.findAdminByPhone(new PhoneNumber("+5511999991111")))
                .contains(admin);
    }
}
