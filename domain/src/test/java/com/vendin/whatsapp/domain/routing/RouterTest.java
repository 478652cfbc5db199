package com.vendin.whatsapp.domain.routing;

import static com.vendin.whatsapp.domain.Fixtures.PLATFORM_PHONE_ID;
import static com.vendin.whatsapp.domain.Fixtures.admin;
import static com.vendin.whatsapp.domain.Fixtures.meta;
import static com.vendin.whatsapp.domain.Fixtures.metaNumber;
import static com.vendin.whatsapp.domain.Fixtures.tenant;
import static com.vendin.whatsapp.domain.Fixtures.twilio;
import static com.vendin.whatsapp.domain.Fixtures.twilioNumber;
import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.domain.Fixtures;
import com.vendin.whatsapp.domain.PlatformAccount;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.inbound.Role;
import com.vendin.whatsapp.ports.inbound.RoutingDecision;
import com.vendin.whatsapp.ports.inbound.RoutingDecision.Routed;
import com.vendin.whatsapp.ports.inbound.RoutingDecision.Unroutable;
import com.vendin.whatsapp.ports.inbound.UnroutableReason;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.TenantId;
import com.vendin.whatsapp.ports.testing.InMemoryTenants;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RouterTest {
    private static final TenantId MODA = new TenantId("moda-brasil");
    private static final TenantId PIZZA = new TenantId("pizza-sp");
    private static final PhoneNumber ANA = new PhoneNumber("+5511988887777");

    private final InMemoryTenants tenants = new InMemoryTenants();
    private final Router router = new Router(tenants, Fixtures.platform());

    @BeforeEach
    void twoStores() {
        tenants.insert(
                tenant("moda-brasil", Optional.of(metaNumber("+5511999991111", "200000000000002", Optional.empty()))));
        tenants.insert(
                tenant("pizza-sp", Optional.of(twilioNumber("+551140045678", Optional.empty(), Optional.empty()))));
    }

    @Test
    void registeredAdminWritingToThePlatformPhoneIdIsRoutedAsAdmin() {
        tenants.add(admin("moda-brasil", "+5511988887777"));

        RoutingDecision decision = router.route(meta("wamid.1", "5511988887777", PLATFORM_PHONE_ID, "garbage"));

        assertThat(decision).isEqualTo(new Routed(MODA, Role.ADMIN, ANA));
    }

    @Test
    void adminWritingToThePlatformMetaNumberWithoutPhoneIdMatchIsRoutedAsAdmin() {
        tenants.add(admin("moda-brasil", "+5511988887777"));

        RoutingDecision decision = router.route(meta("wamid.1", "5511988887777", "999", "5511940041111"));

        assertThat(decision).isEqualTo(new Routed(MODA, Role.ADMIN, ANA));
    }

    @Test
    void adminWritingToThePlatformTwilioNumberIsRoutedAsAdmin() {
        tenants.add(admin("pizza-sp", "+5511988887777"));

        RoutingDecision decision = router.route(twilio("SM1", "+5511988887777", "+14155238886"));

        assertThat(decision).isEqualTo(new Routed(PIZZA, Role.ADMIN, ANA));
    }

    @Test
    void adminSendingWithoutNinthDigitMatchesTheRegisteredCanonicalPhone() {
        tenants.add(admin("moda-brasil", "+5511988887777"));

        RoutingDecision decision = router.route(meta("wamid.1", "551188887777", PLATFORM_PHONE_ID, "5511940041111"));

        assertThat(decision).isEqualTo(new Routed(MODA, Role.ADMIN, ANA));
    }

    @Test
    void adminStoredWithoutNinthDigitIsMatchedWhenMetaSendsTheNinthDigit() {
        tenants.add(admin("moda-brasil", "+551188887777"));

        RoutingDecision decision = router.route(meta("wamid.1", "5511988887777", PLATFORM_PHONE_ID, "5511940041111"));

        assertThat(decision).isEqualTo(new Routed(MODA, Role.ADMIN, ANA));
    }

    @Test
    void storeNumberStoredWithoutNinthDigitIsFoundByItsCanonicalSpelling() {
        tenants.insert(
                tenant("cafe-aroma", Optional.of(metaNumber("+551198883333", "300000000000003", Optional.empty()))));

        RoutingDecision decision = router.route(meta("wamid.1", "5511988887777", "unknown-id", "5511998883333"));

        assertThat(decision).isEqualTo(new Routed(new TenantId("cafe-aroma"), Role.CUSTOMER, ANA));
    }

    @Test
    void platformNumberConfiguredWithoutNinthDigitStillMatchesADestinationWithIt() {
        Router oldSpelling = new Router(
                tenants,
                new PlatformAccount(
                        Provider.FACEBOOK,
                        Optional.empty(),
                        Optional.of(new PhoneNumber("+551140041111")),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));
        Router newSpelling = new Router(
                tenants,
                new PlatformAccount(
                        Provider.FACEBOOK,
                        Optional.empty(),
                        Optional.of(new PhoneNumber("+551198761111")),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));
        tenants.add(admin("moda-brasil", "+5511988887777"));

        assertThat(oldSpelling.route(meta("wamid.1", "5511988887777", "x", "551140041111")))
                .isEqualTo(new Routed(MODA, Role.ADMIN, ANA));
        assertThat(newSpelling.route(meta("wamid.2", "5511988887777", "x", "5511998761111")))
                .isEqualTo(new Routed(MODA, Role.ADMIN, ANA));
        assertThat(newSpelling.route(meta("wamid.3", "5511988887777", "x", "551198761111")))
                .isEqualTo(new Routed(MODA, Role.ADMIN, ANA));
    }

    @Test
    void unregisteredPhoneWritingToThePlatformNumberIsUnroutable() {
        RoutingDecision decision = router.route(meta("wamid.1", "5511988887777", PLATFORM_PHONE_ID, "5511940041111"));

        assertThat(decision).isEqualTo(new Unroutable(UnroutableReason.UNREGISTERED_ADMIN));
    }

    @Test
    void customerIsRoutedByPhoneIdEvenWhenTheDisplayNumberIsUnreadable() {
        RoutingDecision decision = router.route(meta("wamid.1", "5511988887777", "200000000000002", "not-a-number"));

        assertThat(decision).isEqualTo(new Routed(MODA, Role.CUSTOMER, ANA));
    }

    @Test
    void customerIsRoutedByNumberWhenThePhoneIdIsUnknown() {
        RoutingDecision decision = router.route(meta("wamid.1", "5511988887777", "unknown-id", "551199991111"));

        assertThat(decision).isEqualTo(new Routed(MODA, Role.CUSTOMER, ANA));
    }

    @Test
    void twilioCustomerIsRoutedByDestinationNumber() {
        RoutingDecision decision = router.route(twilio("SM1", "+551188887777", "+551140045678"));

        assertThat(decision).isEqualTo(new Routed(PIZZA, Role.CUSTOMER, ANA));
    }

    @Test
    void registeredAdminWritingToAStoreNumberIsACustomerThere() {
        tenants.add(admin("moda-brasil", "+5511988887777"));

        RoutingDecision decision = router.route(twilio("SM1", "+5511988887777", "+551140045678"));

        assertThat(decision).isEqualTo(new Routed(PIZZA, Role.CUSTOMER, ANA));
    }

    @Test
    void messageToANumberNoStoreHasIsUnroutable() {
        RoutingDecision decision = router.route(meta("wamid.1", "5511988887777", "777", "5521988880000"));

        assertThat(decision).isEqualTo(new Unroutable(UnroutableReason.UNKNOWN_STORE_NUMBER));
    }

    @Test
    void senderThatIsNeitherAPhoneNumberNorABsuidIsUnroutable() {
        RoutingDecision decision = router.route(meta("wamid.1", "kfisher", "200000000000002", "x"));

        assertThat(decision).isEqualTo(new Unroutable(UnroutableReason.INVALID_SENDER));
    }

    @Test
    void bsuidInFromIsRoutedInAUserThreadAndNeverReadAsAPhone() {
        RoutingDecision decision = router.route(meta("wamid.1", "US.13491208655302741918", "200000000000002", "x"));

        assertThat(decision).isInstanceOf(RoutingDecision.Routed.class);
        RoutingDecision.Routed routed = (RoutingDecision.Routed) decision;
        assertThat(routed.threadId()).isEqualTo("user:US.13491208655302741918");
        assertThat(routed.phone()).isEmpty();
    }

    @Test
    void unconfiguredPlatformRoutesCustomersOnly() {
        Router noPlatform = new Router(tenants, PlatformAccount.unconfigured(Provider.FACEBOOK));

        assertThat(noPlatform.route(meta("wamid.1", "5511988887777", PLATFORM_PHONE_ID, "5511940041111")))
                .isEqualTo(new Unroutable(UnroutableReason.UNKNOWN_STORE_NUMBER));
    }
}
