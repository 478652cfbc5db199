package com.vendin.whatsapp.persistence.tenant;

import static com.vendin.whatsapp.persistence.testing.Samples.metaNumber;
import static com.vendin.whatsapp.persistence.testing.Samples.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.testing.Backend;
import com.vendin.whatsapp.persistence.testing.Sql;
import com.vendin.whatsapp.persistence.testing.TestDatabases;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.AdminPhone;
import com.vendin.whatsapp.ports.tenant.NumberStatus;
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
class JdbiTenantRepositoryTest {
    @Parameter
    Backend backend;

    @TempDir
    Path dir;

    Database db;
    JdbiTenantRepository tenants;

    @BeforeEach
    void open() {
        db = backend.migrated(dir);
        tenants = new JdbiTenantRepository(db, TestDatabases.cipher(), TestDatabases.CLOCK);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void givenTenantWithMetaNumberWhenInsertedAndReadThenEveryFieldRoundTrips() {
        Tenant moda = tenant("moda", "moda", Optional.of(metaNumber("+5511933334444", "1098", "EAAG-token")));

        tenants.insert(moda);

        assertThat(tenants.findById(new TenantId("moda"))).contains(moda);
    }

    @Test
    void givenTenantUnchangedSinceItsTokenWasReadWhenMarkedReauthRequiredThenItsNumberNeedsReauth() {
        Tenant moda = tenant("moda", "moda", Optional.of(metaNumber("+5511933334444", "1098", "old-token")));
        tenants.insert(moda);
        Tenant seen = tenants.findById(moda.id()).orElseThrow();

        boolean marked = tenants.markReauthRequired(
                moda.id(), seen.updatedAt(), seen.updatedAt().plusSeconds(1));

        assertThat(marked).isTrue();
        assertThat(tenants.findById(moda.id())
                        .orElseThrow()
                        .whatsapp()
                        .orElseThrow()
                        .status())
                .isEqualTo(NumberStatus.REAUTH_REQUIRED);
    }

    @Test
    void givenTokenChangedAfterTheFailingSendReadItWhenMarkedReauthRequiredThenTheNewTokenStaysActive() {
        Tenant moda = tenant("moda", "moda", Optional.of(metaNumber("+5511933334444", "1098", "old-token")));
        tenants.insert(moda);
        Tenant seen = tenants.findById(moda.id()).orElseThrow();
        Tenant patched = new Tenant(
                moda.id(),
                moda.subdomain(),
                moda.instanceUrl(),
                moda.instanceSecret(),
                Optional.of(metaNumber("+5511933334444", "1098", "fresh-token")),
                moda.createdAt(),
                seen.updatedAt().plusSeconds(5));
        tenants.update(patched);

        boolean marked = tenants.markReauthRequired(
                moda.id(), seen.updatedAt(), seen.updatedAt().plusSeconds(6));

        assertThat(marked).isFalse();
        WhatsAppNumber number =
                tenants.findById(moda.id()).orElseThrow().whatsapp().orElseThrow();
        assertThat(number.status()).isEqualTo(NumberStatus.ACTIVE);
        assertThat(number.accessToken()).contains(new Secret("fresh-token"));
    }

    @Test
    void givenTwilioSubaccountNumberWhenInsertedAndReadThenSidAndTokenRoundTrip() {
        WhatsAppNumber twilio = new WhatsAppNumber(
                new PhoneNumber("+14155550100"),
                Optional.empty(),
                Provider.TWILIO,
                Optional.empty(),
                Optional.of("AC123"),
                Optional.of(new Secret("twilio-auth")),
                NumberStatus.REAUTH_REQUIRED,
                Optional.empty());
        Tenant shop = tenant("shop", "shop", Optional.of(twilio));

        tenants.insert(shop);

        assertThat(tenants.findById(shop.id())).contains(shop);
    }

    @Test
    void givenTenantWithoutNumberWhenReadThenWhatsappIsEmpty() {
        tenants.insert(tenant("plain", "plain", Optional.empty()));

        assertThat(tenants.findById(new TenantId("plain")))
                .get()
                .extracting(Tenant::whatsapp)
                .isEqualTo(Optional.empty());
        assertThat(tenants.findById(new TenantId("absent"))).isEmpty();
    }

    @Test
    void givenExistingIdWhenInsertedAgainThenTenantExistsConflict() {
        tenants.insert(tenant("moda", "moda", Optional.empty()));

        assertThatThrownBy(() -> tenants.insert(tenant("moda", "other", Optional.empty())))
                .isInstanceOfSatisfying(GatewayRejection.class, e -> {
                    assertThat(e.kind()).isEqualTo(GatewayRejection.Kind.CONFLICT);
                    assertThat(e.code()).isEqualTo("tenant_exists");
                });
    }

    @Test
    void givenTakenSubdomainWhenInsertedOrUpdatedThenSubdomainTaken() {
        tenants.insert(tenant("moda", "moda", Optional.empty()));
        tenants.insert(tenant("shop", "shop", Optional.empty()));

        assertThatThrownBy(() -> tenants.insert(tenant("moda2", "moda", Optional.empty())))
                .isInstanceOfSatisfying(
                        GatewayRejection.class, e -> assertThat(e.code()).isEqualTo("subdomain_taken"));
        assertThatThrownBy(() -> tenants.update(tenant("shop", "moda", Optional.empty())))
                .isInstanceOfSatisfying(
                        GatewayRejection.class, e -> assertThat(e.code()).isEqualTo("subdomain_taken"));
    }

    @Test
    void givenTakenNumberWhenInsertedOrUpdatedThenPhoneNumberTaken() {
        tenants.insert(tenant("moda", "moda", Optional.of(metaNumber("+5511933334444", "1", "t1"))));
        tenants.insert(tenant("shop", "shop", Optional.empty()));
        Optional<WhatsAppNumber> same = Optional.of(metaNumber("+5511933334444", "2", "t2"));

        assertThatThrownBy(() -> tenants.insert(tenant("other", "other", same)))
                .isInstanceOfSatisfying(
                        GatewayRejection.class, e -> assertThat(e.code()).isEqualTo("phone_number_taken"));
        assertThatThrownBy(() -> tenants.update(tenant("shop", "shop", same)))
                .isInstanceOfSatisfying(
                        GatewayRejection.class, e -> assertThat(e.code()).isEqualTo("phone_number_taken"));
    }

    @Test
    void givenStoredTenantWhenUpdatedThenNewValuesAreStoredAndItsOwnValuesAreNoConflict() {
        tenants.insert(tenant("moda", "moda", Optional.of(metaNumber("+5511933334444", "1", "t1"))));
        Instant later = TestDatabases.T0.plusSeconds(60);
        Tenant changed = new Tenant(
                new TenantId("moda"),
                "moda",
                java.net.URI.create("http://10.0.0.5:8080"),
                new Secret("rotated"),
                Optional.of(metaNumber("+5511933334444", "1", "t2").withStatus(NumberStatus.REAUTH_REQUIRED)),
                TestDatabases.T0,
                later);

        assertThat(tenants.update(changed)).isTrue();

        assertThat(tenants.findById(changed.id())).contains(changed);
    }

    @Test
    void givenNoSuchTenantWhenUpdatedThenFalse() {
        assertThat(tenants.update(tenant("ghost", "ghost", Optional.empty()))).isFalse();
    }

    @Test
    void givenSeveralTenantsWhenListedThenOldestFirstUpToLimit() {
        tenants.insert(tenant("a", "a", Optional.empty()));
        tenants.insert(tenant("b", "b", Optional.empty()));
        tenants.insert(tenant("c", "c", Optional.empty()));

        assertThat(tenants.list(2)).extracting(t -> t.id().value()).containsExactly("a", "b");
        assertThat(tenants.list(0)).isEmpty();
    }

    @Test
    void givenTenantWithAdminPhoneAndPoolNumberWhenDeletedThenPhonesGoAndNumberIsAvailableAgain() {
        tenants.insert(tenant("moda", "moda", Optional.of(metaNumber("+5511933334444", "1", "t1"))));
        JdbiAdminPhoneRepository admins = new JdbiAdminPhoneRepository(db);
        admins.add(new AdminPhone(
                "adm-1",
                new TenantId("moda"),
                "user-1",
                new PhoneNumber("+5511999991111"),
                "owner",
                TestDatabases.T0,
                TestDatabases.T0));
        Sql.exec(
                db,
                "INSERT INTO whatsapp_number_pool (phone_number, phone_id, status, assigned_tenant_id, "
                        + "created_at, updated_at) VALUES ('+5511933334444', '1', 'assigned', 'moda', 0, 0)");

        assertThat(tenants.delete(new TenantId("moda"))).isTrue();

        assertThat(tenants.findById(new TenantId("moda"))).isEmpty();
        assertThat(admins.listFor(new TenantId("moda"))).isEmpty();
        assertThat(Sql.string(
                        db,
                        "SELECT status || '/' || COALESCE(assigned_tenant_id, '-') || '/' || updated_at "
                                + "FROM whatsapp_number_pool"))
                .isEqualTo("available/-/" + TestDatabases.T0.toEpochMilli());
        assertThat(tenants.delete(new TenantId("moda"))).isFalse();
    }

    @Test
    void givenStoredTenantWhenColumnsAreReadRawThenCredentialsAreCiphertext() {
        tenants.insert(tenant("moda", "moda", Optional.of(metaNumber("+5511933334444", "1", "EAAG-token"))));

        String raw = Sql.string(db, "SELECT instance_secret || ' ' || whatsapp_access_token FROM tenants");

        assertThat(raw)
                .startsWith("v1:")
                .contains(" v1:")
                .doesNotContain("EAAG-token")
                .doesNotContain("instance-secret");
    }
}
