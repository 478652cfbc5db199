package com.vendin.whatsapp.ports.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.AdminPhone;
import com.vendin.whatsapp.ports.tenant.AdminPhoneRepository;
import com.vendin.whatsapp.ports.tenant.NumberStatus;
import com.vendin.whatsapp.ports.tenant.Tenant;
import com.vendin.whatsapp.ports.tenant.TenantDirectory;
import com.vendin.whatsapp.ports.tenant.TenantId;
import com.vendin.whatsapp.ports.tenant.TenantRepository;
import com.vendin.whatsapp.ports.tenant.WhatsAppNumber;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every implementation of the tenant ports must do. Extend it with a store made fresh for each test. */
public abstract class TenantStoreContract {
    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

    /** The three ports over one store. */
    public record Stores(TenantRepository repository, TenantDirectory directory, AdminPhoneRepository admins) {}

    private Stores stores;

    /** A fresh, empty store. */
    protected abstract Stores newStores();

    @BeforeEach
    void freshStore() {
        stores = newStores();
    }

    @Test
    void storedTenantIsFoundByIdPhoneIdAndNumberWithItsCredentials() {
        Tenant moda = tenant("moda", "moda", Optional.of(number("+5511999991111", "201")));
        stores.repository().insert(moda);

        assertThat(stores.repository().findById(new TenantId("moda"))).contains(moda);
        assertThat(stores.directory().findByPhoneId("201")).contains(moda);
        assertThat(stores.directory().findByNumber(new PhoneNumber("+5511999991111")))
                .contains(moda);
        assertThat(stores.directory().findByNumber(new PhoneNumber("+5511999990000")))
                .isEmpty();
    }

    @Test
    void uniqueRulesSurfaceAsConflictsWithTheirCodes() {
        stores.repository().insert(tenant("moda", "moda", Optional.of(number("+5511999991111", "201"))));

        assertConflict(() -> stores.repository().insert(tenant("moda", "other", Optional.empty())), "tenant_exists");
        assertConflict(() -> stores.repository().insert(tenant("loja", "moda", Optional.empty())), "subdomain_taken");
        assertConflict(
                () -> stores.repository().insert(tenant("loja", "loja", Optional.of(number("+5511999991111", "202")))),
                "phone_number_taken");
    }

    @Test
    void updateReplacesTheTenantAndReportsAMissingOne() {
        Tenant moda = tenant("moda", "moda", Optional.of(number("+5511999991111", "201")));
        stores.repository().insert(moda);
        Tenant changed = new Tenant(
                moda.id(),
                "moda2",
                moda.instanceUrl(),
                moda.instanceSecret(),
                moda.whatsapp().map(n -> n.withStatus(NumberStatus.REAUTH_REQUIRED)),
                moda.createdAt(),
                T0.plusSeconds(1));

        assertThat(stores.repository().update(changed)).isTrue();
        assertThat(stores.repository().findById(moda.id())).contains(changed);
        assertThat(stores.repository().update(tenant("ghost", "ghost", Optional.empty())))
                .isFalse();
    }

    @Test
    void adminPhoneBelongsToOneTenantAndGoesWithIt() {
        stores.repository().insert(tenant("moda", "moda", Optional.empty()));
        stores.repository().insert(tenant("loja", "loja", Optional.empty()));
        AdminPhone admin =
                new AdminPhone("a1", new TenantId("moda"), "u1", new PhoneNumber("+5511988887777"), "owner", T0, T0);
        stores.admins().add(admin);

        assertConflict(
                () -> stores.admins()
                        .add(new AdminPhone(
                                "a2", new TenantId("loja"), "u2", new PhoneNumber("+5511988887777"), "owner", T0, T0)),
                "phone_already_registered");
        assertThat(stores.directory().findAdminByPhone(new PhoneNumber("+5511988887777")))
                .contains(admin);
        assertThat(stores.admins().listFor(new TenantId("moda"))).containsExactly(admin);

        assertThat(stores.repository().delete(new TenantId("moda"))).isTrue();
        assertThat(stores.directory().findAdminByPhone(new PhoneNumber("+5511988887777")))
                .isEmpty();
        assertThat(stores.repository().delete(new TenantId("moda"))).isFalse();
    }

    @Test
    void removedAdminPhoneIsNoLongerFound() {
        stores.repository().insert(tenant("moda", "moda", Optional.empty()));
        stores.admins()
                .add(new AdminPhone(
                        "a1", new TenantId("moda"), "u1", new PhoneNumber("+5511988887777"), "owner", T0, T0));

        assertThat(stores.admins().remove(new TenantId("moda"), new PhoneNumber("+5511988887777")))
                .isTrue();
        assertThat(stores.admins().remove(new TenantId("moda"), new PhoneNumber("+5511988887777")))
                .isFalse();
        assertThat(stores.directory().findAdminByPhone(new PhoneNumber("+5511988887777")))
                .isEmpty();
    }

    private static Tenant tenant(String id, String subdomain, Optional<WhatsAppNumber> number) {
        return new Tenant(
                new TenantId(id),
                subdomain,
                URI.create("http://" + subdomain + ".internal"),
                new Secret("secret-" + id),
                number,
                T0,
                T0);
    }

    private static WhatsAppNumber number(String e164, String phoneId) {
        return new WhatsAppNumber(
                new PhoneNumber(e164),
                Optional.of(phoneId),
                Provider.FACEBOOK,
                Optional.of(new Secret("token-" + phoneId)),
                Optional.empty(),
                Optional.empty(),
                NumberStatus.ACTIVE,
                Optional.empty());
    }

    private static void assertConflict(ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(GatewayRejection.class, e -> {
            assertThat(e.kind()).isEqualTo(GatewayRejection.Kind.CONFLICT);
            assertThat(e.code()).isEqualTo(code);
        });
    }
}
