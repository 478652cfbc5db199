package com.vendin.whatsapp.persistence.numbers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.tenant.JdbiTenantRepository;
import com.vendin.whatsapp.persistence.testing.Backend;
import com.vendin.whatsapp.persistence.testing.Samples;
import com.vendin.whatsapp.persistence.testing.TestDatabases;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.numbers.PoolNumber;
import com.vendin.whatsapp.ports.numbers.PoolStatus;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.Tenant;
import com.vendin.whatsapp.ports.tenant.TenantId;
import com.vendin.whatsapp.ports.tenant.WhatsAppNumber;
import java.nio.file.Path;
import java.time.Instant;
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
class JdbiNumberPoolTest {
    @Parameter
    Backend backend;

    private static final Instant NOW = TestDatabases.T0;

    @TempDir
    Path dir;

    private Database db;
    private JdbiTenantRepository tenants;
    private JdbiNumberPool pool;

    @BeforeEach
    void open() {
        db = backend.migrated(dir);
        tenants = new JdbiTenantRepository(db, TestDatabases.cipher(), TestDatabases.CLOCK);
        pool = new JdbiNumberPool(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void givenReservedAndTakenNumbersWhenAssignedThenOnlyTheFreeAvailableOneIsClaimedAndGivenToTheTenant() {
        pool.add(number("+15550000001"), "p1", PoolStatus.RESERVED, NOW);
        pool.add(number("+15550000002"), "p2", PoolStatus.AVAILABLE, NOW);
        pool.add(number("+15550000003"), "p3", PoolStatus.AVAILABLE, NOW);
        tenants.insert(Samples.tenant("owner", "owner", Optional.of(Samples.metaNumber("+15550000002", "p2", "t"))));
        tenants.insert(Samples.tenant("moda", "moda", Optional.empty()));

        PoolNumber claimed = pool.assign(new TenantId("moda"), NOW);

        assertThat(claimed.phoneNumber()).isEqualTo(number("+15550000003"));
        assertThat(claimed.status()).isEqualTo(PoolStatus.ASSIGNED);
        WhatsAppNumber given = tenant("moda").whatsapp().orElseThrow();
        assertThat(given.phoneNumber()).isEqualTo(number("+15550000003"));
        assertThat(given.phoneId()).contains("p3");
        assertThat(given.provider()).isEqualTo(Provider.FACEBOOK);
        assertThat(given.accessToken()).isEmpty();
        tenants.insert(Samples.tenant("late", "late", Optional.empty()));
        assertThatThrownBy(() -> pool.assign(new TenantId("late"), NOW))
                .isInstanceOfSatisfying(
                        GatewayRejection.class, r -> assertThat(r.code()).isEqualTo("no_numbers_available"));
    }

    @Test
    void
            givenAssignedNumber_whenReleased_thenAvailableAndTheTenantHasNoNumber_andTheStatusOfAnAssignedNumberIsLocked() {
        pool.add(number("+15550000004"), "p4", PoolStatus.AVAILABLE, NOW);
        tenants.insert(Samples.tenant("moda", "moda", Optional.empty()));
        pool.assign(new TenantId("moda"), NOW);
        assertThatThrownBy(() -> pool.setStatus(number("+15550000004"), PoolStatus.RESERVED, NOW))
                .isInstanceOfSatisfying(
                        GatewayRejection.class, r -> assertThat(r.code()).isEqualTo("number_assigned"));

        Optional<PoolNumber> released = pool.release(new TenantId("moda"), NOW);

        assertThat(released).map(PoolNumber::phoneNumber).contains(number("+15550000004"));
        assertThat(pool.list()).singleElement().satisfies(n -> {
            assertThat(n.status()).isEqualTo(PoolStatus.AVAILABLE);
            assertThat(n.assignedTenant()).isEmpty();
        });
        assertThat(tenant("moda").whatsapp()).isEmpty();
        assertThat(pool.release(new TenantId("moda"), NOW)).isEmpty();
    }

    @Test
    void givenTenantWithANumberWhenAssignedThenTenantHasNumberAndNothingIsClaimed() {
        pool.add(number("+15550000005"), "p5", PoolStatus.AVAILABLE, NOW);
        tenants.insert(Samples.tenant("moda", "moda", Optional.of(Samples.metaNumber("+15550000099", "p99", "t"))));

        assertThatThrownBy(() -> pool.assign(new TenantId("moda"), NOW))
                .isInstanceOfSatisfying(
                        GatewayRejection.class, r -> assertThat(r.code()).isEqualTo("tenant_has_number"));
        assertThat(pool.list())
                .singleElement()
                .satisfies(n -> assertThat(n.status()).isEqualTo(PoolStatus.AVAILABLE));
        assertThatThrownBy(() -> pool.assign(new TenantId("nobody"), NOW))
                .isInstanceOfSatisfying(
                        GatewayRejection.class, r -> assertThat(r.code()).isEqualTo("tenant_not_found"));
    }

    private Tenant tenant(String id) {
        return tenants.findById(new TenantId(id)).orElseThrow();
    }

    private static PhoneNumber number(String e164) {
        return new PhoneNumber(e164);
    }
}
