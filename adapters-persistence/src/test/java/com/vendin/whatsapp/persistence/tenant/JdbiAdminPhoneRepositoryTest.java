package com.vendin.whatsapp.persistence.tenant;

import static com.vendin.whatsapp.persistence.testing.Samples.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.testing.Backend;
import com.vendin.whatsapp.persistence.testing.TestDatabases;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.AdminPhone;
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
class JdbiAdminPhoneRepositoryTest {
    @Parameter
    Backend backend;

    static final TenantId MODA = new TenantId("moda");
    static final TenantId SHOP = new TenantId("shop");

    @TempDir
    Path dir;

    Database db;
    JdbiAdminPhoneRepository admins;

    @BeforeEach
    void open() {
        db = backend.migrated(dir);
        JdbiTenantRepository tenants = new JdbiTenantRepository(db, TestDatabases.cipher(), TestDatabases.CLOCK);
        tenants.insert(tenant("moda", "moda", Optional.empty()));
        tenants.insert(tenant("shop", "shop", Optional.empty()));
        admins = new JdbiAdminPhoneRepository(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void givenTwoPhonesWhenAddedAndListedThenBothInOrderOfCreation() {
        AdminPhone first = admin("a1", MODA, "+5511999991111", 0);
        AdminPhone second = admin("a2", MODA, "+5511999992222", 1);
        admins.add(first);
        admins.add(second);
        admins.add(admin("a3", SHOP, "+5511999993333", 2));

        assertThat(admins.listFor(MODA)).containsExactly(first, second);
    }

    @Test
    void givenPhoneRegisteredAnywhereWhenAddedAgainThenPhoneAlreadyRegistered() {
        admins.add(admin("a1", MODA, "+5511999991111", 0));

        for (TenantId tenant : new TenantId[] {MODA, SHOP}) {
            assertThatThrownBy(() -> admins.add(admin("a2", tenant, "+5511999991111", 1)))
                    .isInstanceOfSatisfying(GatewayRejection.class, e -> {
                        assertThat(e.kind()).isEqualTo(GatewayRejection.Kind.CONFLICT);
                        assertThat(e.code()).isEqualTo("phone_already_registered");
                    });
        }
    }

    @Test
    void givenUnknownTenantWhenPhoneAddedThenTenantNotFound() {
        assertThatThrownBy(() -> admins.add(admin("a1", new TenantId("ghost"), "+5511999991111", 0)))
                .isInstanceOfSatisfying(
                        GatewayRejection.class, e -> assertThat(e.code()).isEqualTo("tenant_not_found"));
    }

    @Test
    void givenRegisteredPhoneWhenRemovedByItsTenantThenGoneAndSecondRemoveIsFalse() {
        admins.add(admin("a1", MODA, "+5511999991111", 0));

        assertThat(admins.remove(SHOP, new PhoneNumber("+5511999991111"))).isFalse();
        assertThat(admins.remove(MODA, new PhoneNumber("+5511999991111"))).isTrue();
        assertThat(admins.listFor(MODA)).isEmpty();
        assertThat(admins.remove(MODA, new PhoneNumber("+5511999991111"))).isFalse();
    }

    private static AdminPhone admin(String id, TenantId tenant, String phone, int second) {
        return new AdminPhone(
                id,
                tenant,
                "user-" + id,
                new PhoneNumber(phone),
                "owner",
                TestDatabases.T0,
                TestDatabases.T0.plusSeconds(second));
    }
}
