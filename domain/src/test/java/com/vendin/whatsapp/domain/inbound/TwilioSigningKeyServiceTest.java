package com.vendin.whatsapp.domain.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.domain.Fixtures;
import com.vendin.whatsapp.domain.PlatformAccount;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.testing.InMemoryTenants;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which auth token may sign a Twilio webhook, by the numbers on both sides. */
class TwilioSigningKeyServiceTest {
    private static final String SUB_SID = "ACsub0000000000000000000000000001";
    private static final String CUSTOMER = "whatsapp:+5511987654321";
    private final InMemoryTenants tenants = new InMemoryTenants();
    private final TwilioSigningKeyService keys = new TwilioSigningKeyService(tenants, Fixtures.platform());

    TwilioSigningKeyServiceTest() {
        tenants.insert(Fixtures.tenant(
                "sub",
                Optional.of(Fixtures.twilioNumber("+551140045678", Optional.of(SUB_SID), Optional.of("sub-token")))));
        tenants.insert(Fixtures.tenant(
                "main", Optional.of(Fixtures.twilioNumber("+5511940049999", Optional.empty(), Optional.empty()))));
    }

    @Test
    void aMessageToAStoreWithASubaccountIsSignedWithThatTokenOnly() {
        assertThat(keys.candidates("whatsapp:+551140045678", CUSTOMER, Optional.of(SUB_SID)))
                .containsExactly(new Secret("sub-token"));
    }

    @Test
    void aStatusCallbackFromThatStoreNumberIsSignedWithTheSameToken() {
        assertThat(keys.candidates(CUSTOMER, "whatsapp:+551140045678", Optional.of(SUB_SID)))
                .containsExactly(new Secret("sub-token"));
    }

    @Test
    void aRequestClaimingAnotherAccountForASubaccountStoreHasNoToken() {
        assertThat(keys.candidates("whatsapp:+551140045678", CUSTOMER, Optional.of(Fixtures.MAIN_TWILIO_SID)))
                .isEmpty();
    }

    @Test
    void aSubaccountStoreWithAMobileNumberIsFoundWithoutItsNinthDigit() {
        tenants.insert(Fixtures.tenant(
                "mobile",
                Optional.of(Fixtures.twilioNumber(
                        "+5511987650000",
                        Optional.of("ACmobile000000000000000000000001"),
                        Optional.of("mobile-token")))));

        assertThat(keys.candidates("whatsapp:+551187650000", CUSTOMER, Optional.empty()))
                .containsExactly(new Secret("mobile-token"));
    }

    @Test
    void aStoreOnTheMainAccountUsesTheMainToken() {
        assertThat(keys.candidates("whatsapp:+5511940049999", CUSTOMER, Optional.empty()))
                .containsExactly(Fixtures.MAIN_TWILIO_TOKEN);
    }

    @Test
    void thePlatformNumberAndUnknownNumbersUseTheMainToken() {
        assertThat(keys.candidates("whatsapp:" + Fixtures.PLATFORM_TWILIO_NUMBER.e164(), CUSTOMER, Optional.empty()))
                .containsExactly(Fixtures.MAIN_TWILIO_TOKEN);
        assertThat(keys.candidates("whatsapp:+14155550000", CUSTOMER, Optional.empty()))
                .containsExactly(Fixtures.MAIN_TWILIO_TOKEN);
        assertThat(keys.candidates("", "", Optional.empty())).containsExactly(Fixtures.MAIN_TWILIO_TOKEN);
    }

    @Test
    void withoutAMainTokenOnlySubaccountStoresHaveOne() {
        TwilioSigningKeyService unconfigured =
                new TwilioSigningKeyService(tenants, PlatformAccount.unconfigured(Provider.TWILIO));

        assertThat(unconfigured.candidates("whatsapp:+5511940049999", CUSTOMER, Optional.empty()))
                .isEmpty();
        assertThat(unconfigured.candidates("whatsapp:+14155550000", CUSTOMER, Optional.empty()))
                .isEmpty();
        assertThat(unconfigured.candidates("whatsapp:+551140045678", CUSTOMER, Optional.empty()))
                .containsExactly(new Secret("sub-token"));
    }
}
