package com.vendin.whatsapp.domain.tenants;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vendin.whatsapp.domain.Fixtures;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.ManageTenants.CreateTenant;
import com.vendin.whatsapp.ports.tenant.ManageTenants.UpdateTenant;
import com.vendin.whatsapp.ports.tenant.ManageTenants.WhatsAppInput;
import com.vendin.whatsapp.ports.tenant.NumberStatus;
import com.vendin.whatsapp.ports.tenant.Tenant;
import com.vendin.whatsapp.ports.tenant.TenantId;
import com.vendin.whatsapp.ports.tenant.WhatsAppNumber;
import com.vendin.whatsapp.ports.testing.InMemoryTenants;
import com.vendin.whatsapp.ports.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantServiceTest {
    private static final TenantId MODA = new TenantId("moda-brasil");

    private final MutableClock clock = new MutableClock(Fixtures.T0);
    private final InMemoryTenants tenants = new InMemoryTenants();
    private final TenantService service = new TenantService(tenants, tenants, clock);

    @Test
    void tenantWithoutIdIsNamedAfterItsSubdomainAndGetsAStrongSecret() {
        Tenant created = service.create(create(Optional.empty(), "moda-brasil", Optional.empty()));

        assertThat(created.id()).isEqualTo(MODA);
        assertThat(created.instanceUrl()).isEqualTo(URI.create("http://10.0.0.5:3000"));
        assertThat(created.instanceSecret().reveal()).matches("[A-Za-z0-9_-]{43}");
        assertThat(created.createdAt()).isEqualTo(Fixtures.T0);
        assertThat(tenants.findById(MODA)).contains(created);
    }

    @Test
    void metaNumberIsStoredCanonicalWithFacebookAsDefaultProvider() {
        Tenant created = service.create(create(
                Optional.of("store-1"), "moda", Optional.of(whatsapp("+55 (11) 9999-1111", "200000000000002", null))));

        WhatsAppNumber number = created.whatsapp().orElseThrow();
        assertThat(number.phoneNumber()).isEqualTo(new PhoneNumber("+5511999991111"));
        assertThat(number.provider()).isEqualTo(Provider.FACEBOOK);
        assertThat(number.phoneId()).contains("200000000000002");
        assertThat(number.accessToken()).isEmpty();
        assertThat(number.status()).isEqualTo(NumberStatus.ACTIVE);
    }

    @Test
    void twilioNumberKeepsItsSubaccount() {
        WhatsAppInput input = new WhatsAppInput(
                Optional.of("whatsapp:+551140045678"),
                Optional.empty(),
                Optional.of(Provider.TWILIO),
                Optional.empty(),
                Optional.of("ACsub"),
                Optional.of("sub-token"));

        Tenant created = service.create(create(Optional.empty(), "pizza", Optional.of(input)));

        WhatsAppNumber number = created.whatsapp().orElseThrow();
        assertThat(number.provider()).isEqualTo(Provider.TWILIO);
        assertThat(number.twilioAccountSid()).contains("ACsub");
        assertThat(number.twilioAuthToken()).contains(new Secret("sub-token"));
        assertThat(number.phoneId()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "-moda",
                "moda-",
                "Moda",
                "moda_brasil",
                "moda.brasil",
                "loja ",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
            })
    void subdomainThatIsNotADnsLabelIsRejected(String subdomain) {
        assertRejected(
                () -> service.create(create(Optional.empty(), subdomain, Optional.empty())), "invalid_subdomain");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a",
                "9",
                "moda-brasil",
                "x-1-y",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
            })
    void dnsLabelsAreAcceptedAsSubdomains(String subdomain) {
        assertThat(service.create(create(Optional.empty(), subdomain, Optional.empty()))
                        .subdomain())
                .isEqualTo(subdomain);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "ftp://store.example",
                "not a url",
                "/webhooks",
                "http://",
                "mailto:a@b.c",
                "http://under_score:80"
            })
    void instanceUrlThatIsNotAnHttpUrlWithAHostIsRejected(String url) {
        assertRejected(
                () -> service.create(new CreateTenant(Optional.empty(), "moda", url, Optional.empty())), "invalid_url");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://10.0.0.5:3000", "https://moda.vendin.internal/base", "HTTP://Store.Local"})
    void privateAndPlainHttpInstanceUrlsAreAccepted(String url) {
        assertThat(service.create(new CreateTenant(Optional.empty(), "moda", url, Optional.empty()))
                        .instanceUrl())
                .isEqualTo(URI.create(url));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "-moda",
                "moda brasil",
                "",
                "a/b",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
            })
    void idOfTheWrongShapeIsRejected(String id) {
        assertRejected(() -> service.create(create(Optional.of(id), "moda", Optional.empty())), "invalid_tenant_id");
    }

    @Test
    void numberMissingOrUnreadableIsAnInvalidPhoneNumber() {
        assertRejected(
                () -> service.create(create(Optional.empty(), "moda", Optional.of(whatsapp(null, "1", null)))),
                "invalid_phone_number");
        assertRejected(
                () -> service.create(create(Optional.empty(), "moda", Optional.of(whatsapp("12", "1", null)))),
                "invalid_phone_number");
    }

    @Test
    void metaNumberWithoutPhoneIdIsRejected() {
        assertRejected(
                () -> service.create(
                        create(Optional.empty(), "moda", Optional.of(whatsapp("+5511999991111", null, null)))),
                "invalid_request");
    }

    @Test
    void twilioNumberKeepsItsNumberSidAsPhoneIdAndRejectsAnythingElse() {
        WhatsAppInput withSid = new WhatsAppInput(
                Optional.of("+551140045678"),
                Optional.of("PN0123456789abcdef0123456789abcdef"),
                Optional.of(Provider.TWILIO),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        WhatsAppInput withMetaId = new WhatsAppInput(
                Optional.of("+551140045679"),
                Optional.of("200000000000002"),
                Optional.of(Provider.TWILIO),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());

        Tenant created = service.create(create(Optional.empty(), "pizza", Optional.of(withSid)));

        assertThat(created.whatsapp().orElseThrow().phoneId()).contains("PN0123456789abcdef0123456789abcdef");
        assertRejected(
                () -> service.create(create(Optional.empty(), "outra", Optional.of(withMetaId))), "invalid_request");
    }

    @Test
    void tenantWithoutIdOnATakenSubdomainIsSubdomainTaken() {
        service.create(create(Optional.empty(), "moda", Optional.empty()));

        assertRejected(() -> service.create(create(Optional.empty(), "moda", Optional.empty())), "subdomain_taken");
    }

    @Test
    void twilioCredentialsComeTogetherAndOnlyForTwilio() {
        WhatsAppInput sidOnly = new WhatsAppInput(
                Optional.of("+551140045678"),
                Optional.empty(),
                Optional.of(Provider.TWILIO),
                Optional.empty(),
                Optional.of("ACsub"),
                Optional.empty());
        WhatsAppInput onMeta = new WhatsAppInput(
                Optional.of("+551140045678"),
                Optional.of("1"),
                Optional.of(Provider.FACEBOOK),
                Optional.empty(),
                Optional.of("ACsub"),
                Optional.of("t"));
        WhatsAppInput tokenOnTwilio = new WhatsAppInput(
                Optional.of("+551140045678"),
                Optional.empty(),
                Optional.of(Provider.TWILIO),
                Optional.of("meta-token"),
                Optional.empty(),
                Optional.empty());

        assertRejected(() -> service.create(create(Optional.empty(), "a", Optional.of(sidOnly))), "invalid_request");
        assertRejected(() -> service.create(create(Optional.empty(), "b", Optional.of(onMeta))), "invalid_request");
        assertRejected(
                () -> service.create(create(Optional.empty(), "c", Optional.of(tokenOnTwilio))), "invalid_request");
        assertThat(tenants.list(10)).isEmpty();
    }

    @Test
    void secondTenantWithTheSameIdOrSubdomainOrNumberConflicts() {
        service.create(create(
                Optional.of("moda-brasil"), "moda", Optional.of(whatsapp("+5511999991111", "200000000000002", null))));

        assertRejected(
                () -> service.create(create(Optional.of("moda-brasil"), "outra", Optional.empty())), "tenant_exists");
        assertRejected(() -> service.create(create(Optional.of("outra"), "moda", Optional.empty())), "subdomain_taken");
        assertRejected(
                () -> service.create(
                        create(Optional.of("outra"), "outra", Optional.of(whatsapp("551199991111", "999", null)))),
                "phone_number_taken");
        assertRejected(
                () -> service.create(create(
                        Optional.of("outra"),
                        "outra",
                        Optional.of(whatsapp("+5521999992222", "200000000000002", null)))),
                "phone_number_taken");
    }

    @Test
    void missingTenantIsNotFoundEverywhere() {
        TenantId ghost = new TenantId("ghost");
        UpdateTenant nothing = new UpdateTenant(Optional.empty(), Optional.empty(), Optional.empty(), false);

        assertRejected(() -> service.get(ghost), "tenant_not_found");
        assertRejected(() -> service.update(ghost, nothing), "tenant_not_found");
        assertRejected(() -> service.delete(ghost), "tenant_not_found");
        assertRejected(() -> service.rotateInstanceSecret(ghost), "tenant_not_found");
    }

    @Test
    void updateChangesOnlyTheFieldsGiven() {
        Tenant created = service.create(create(
                Optional.empty(), "moda", Optional.of(whatsapp("+5511999991111", "200000000000002", "own-token"))));
        clock.advance(Duration.ofMinutes(5));

        Tenant updated = service.update(
                created.id(),
                new UpdateTenant(Optional.empty(), Optional.of("https://moda.internal"), Optional.empty(), false));

        assertThat(updated.instanceUrl()).isEqualTo(URI.create("https://moda.internal"));
        assertThat(updated.subdomain()).isEqualTo("moda");
        assertThat(updated.whatsapp()).isEqualTo(created.whatsapp());
        assertThat(updated.instanceSecret()).isEqualTo(created.instanceSecret());
        assertThat(updated.updatedAt()).isEqualTo(Fixtures.T0.plus(Duration.ofMinutes(5)));
        assertThat(service.get(created.id())).isEqualTo(updated);
    }

    @Test
    void newAccessTokenKeepsTheNumberAndClearsReauthRequired() {
        Tenant created = service.create(create(
                Optional.empty(), "moda", Optional.of(whatsapp("+5511999991111", "200000000000002", "old-token"))));
        tenants.update(withNumber(created, created.whatsapp().orElseThrow().withStatus(NumberStatus.REAUTH_REQUIRED)));

        Tenant updated = service.update(
                created.id(),
                new UpdateTenant(
                        Optional.empty(), Optional.empty(), Optional.of(whatsapp(null, null, "new-token")), false));

        WhatsAppNumber number = updated.whatsapp().orElseThrow();
        assertThat(number.phoneNumber()).isEqualTo(new PhoneNumber("+5511999991111"));
        assertThat(number.phoneId()).contains("200000000000002");
        assertThat(number.accessToken()).contains(new Secret("new-token"));
        assertThat(number.status()).isEqualTo(NumberStatus.ACTIVE);
    }

    @Test
    void updateWithoutNewCredentialsKeepsReauthRequired() {
        Tenant created = service.create(create(
                Optional.empty(), "moda", Optional.of(whatsapp("+5511999991111", "200000000000002", "old-token"))));
        tenants.update(withNumber(created, created.whatsapp().orElseThrow().withStatus(NumberStatus.REAUTH_REQUIRED)));

        Tenant updated = service.update(
                created.id(),
                new UpdateTenant(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(whatsapp(null, "200000000000009", null)),
                        false));

        assertThat(updated.whatsapp().orElseThrow().status()).isEqualTo(NumberStatus.REAUTH_REQUIRED);
        assertThat(updated.whatsapp().orElseThrow().phoneId()).contains("200000000000009");
    }

    @Test
    void switchingProviderDropsTheOldProvidersFields() {
        Tenant created = service.create(create(
                Optional.empty(), "moda", Optional.of(whatsapp("+5511999991111", "200000000000002", "meta-token"))));

        Tenant updated = service.update(
                created.id(),
                new UpdateTenant(
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(new WhatsAppInput(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(Provider.TWILIO),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty())),
                        false));

        WhatsAppNumber number = updated.whatsapp().orElseThrow();
        assertThat(number.provider()).isEqualTo(Provider.TWILIO);
        assertThat(number.phoneNumber()).isEqualTo(new PhoneNumber("+5511999991111"));
        assertThat(number.phoneId()).isEmpty();
        assertThat(number.accessToken()).isEmpty();
    }

    @Test
    void removeWhatsappDropsTheNumberAndFreesIt() {
        Tenant created = service.create(
                create(Optional.empty(), "moda", Optional.of(whatsapp("+5511999991111", "200000000000002", null))));

        Tenant updated = service.update(
                created.id(), new UpdateTenant(Optional.empty(), Optional.empty(), Optional.empty(), true));

        assertThat(updated.whatsapp()).isEmpty();
        assertThat(service.create(create(
                                Optional.empty(),
                                "outra",
                                Optional.of(whatsapp("+5511999991111", "200000000000002", null))))
                        .whatsapp())
                .isPresent();
    }

    @Test
    void updateToANumberAnotherTenantHoldsConflictsButKeepingYourOwnDoesNot() {
        service.create(create(Optional.empty(), "moda", Optional.of(whatsapp("+5511999991111", "2", null))));
        Tenant loja =
                service.create(create(Optional.empty(), "loja", Optional.of(whatsapp("+5521999992222", "3", null))));

        assertRejected(
                () -> service.update(
                        loja.id(),
                        new UpdateTenant(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(whatsapp("+5511999991111", null, null)),
                                false)),
                "phone_number_taken");
        assertThat(service.update(
                                loja.id(),
                                new UpdateTenant(
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.of(whatsapp("+55 21 99999-2222", null, null)),
                                        false))
                        .whatsapp())
                .isPresent();
    }

    @Test
    void updateToAnotherTenantsSubdomainConflicts() {
        service.create(create(Optional.empty(), "moda", Optional.empty()));
        Tenant loja = service.create(create(Optional.empty(), "loja", Optional.empty()));

        assertRejected(
                () -> service.update(
                        loja.id(), new UpdateTenant(Optional.of("moda"), Optional.empty(), Optional.empty(), false)),
                "subdomain_taken");
        assertRejected(
                () -> service.update(
                        loja.id(), new UpdateTenant(Optional.of("Moda!"), Optional.empty(), Optional.empty(), false)),
                "invalid_subdomain");
    }

    @Test
    void rotationGivesAFreshSecretAndStoresIt() {
        Tenant created = service.create(create(Optional.empty(), "moda", Optional.empty()));

        Secret rotated = service.rotateInstanceSecret(created.id());

        assertThat(rotated).isNotEqualTo(created.instanceSecret());
        assertThat(rotated.reveal()).matches("[A-Za-z0-9_-]{43}");
        assertThat(service.get(created.id()).instanceSecret()).isEqualTo(rotated);
    }

    @Test
    void deleteRemovesTheTenantAndItsAdminPhones() {
        Tenant created = service.create(create(Optional.empty(), "moda", Optional.empty()));
        tenants.add(Fixtures.admin("moda", "+5511988887777"));

        service.delete(created.id());

        assertThat(tenants.findById(created.id())).isEmpty();
        assertThat(tenants.findAdminByPhone(new PhoneNumber("+5511988887777"))).isEmpty();
    }

    private static CreateTenant create(Optional<String> id, String subdomain, Optional<WhatsAppInput> whatsapp) {
        return new CreateTenant(id, subdomain, "http://10.0.0.5:3000", whatsapp);
    }

    private static WhatsAppInput whatsapp(String number, String phoneId, String token) {
        return new WhatsAppInput(
                Optional.ofNullable(number),
                Optional.ofNullable(phoneId),
                Optional.empty(),
                Optional.ofNullable(token),
                Optional.empty(),
                Optional.empty());
    }

    private static Tenant withNumber(Tenant t, WhatsAppNumber number) {
        return new Tenant(
                t.id(),
                t.subdomain(),
                t.instanceUrl(),
                t.instanceSecret(),
                Optional.of(number),
                t.createdAt(),
                t.updatedAt());
    }

    private static void assertRejected(ThrowingCallable call, String code) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(
                        GatewayRejection.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
