package com.vendin.whatsapp.domain.numbers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.numbers.ProvisionTwilioNumber.Bought;
import com.vendin.whatsapp.ports.numbers.ProvisionTwilioNumber.Command;
import com.vendin.whatsapp.ports.numbers.TwilioNumbers;
import com.vendin.whatsapp.ports.numbers.TwilioSubaccount;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.Tenant;
import com.vendin.whatsapp.ports.tenant.TenantId;
import com.vendin.whatsapp.ports.testing.InMemoryTenants;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TwilioNumberServiceTest {
    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");
    private static final TenantId MODA = new TenantId("moda");
    private static final URI WEBHOOK = URI.create("https://gw.example.com/webhooks/whatsapp/twilio");

    private final InMemoryTenants tenants = new InMemoryTenants();
    private final InMemoryProvisioning store = new InMemoryProvisioning(tenants);
    private final ScriptedTwilio twilio = new ScriptedTwilio();
    private final TwilioNumberService service =
            new TwilioNumberService(tenants, twilio, store, () -> WEBHOOK, Clock.fixed(T0, ZoneOffset.UTC));

    @BeforeEach
    void tenant() {
        tenants.insert(new Tenant(
                MODA, "moda", URI.create("https://moda.example.com"), new Secret("s"), Optional.empty(), T0, T0));
    }

    @Test
    void givenPurchaseFailureWhenRetriedThenTheKeptSubaccountIsReusedWithoutAskingTwilio() {
        twilio.refusePurchase = true;
        assertThatThrownBy(() -> service.provision(MODA, new Command("us", Optional.empty())))
                .isInstanceOf(GatewayRejection.class);
        assertThat(store.twilioSubaccount(MODA)).isPresent();
        assertThat(tenants.findById(MODA).orElseThrow().whatsapp()).isEmpty();
        twilio.refusePurchase = false;

        Bought bought = service.provision(MODA, new Command("US", Optional.empty()));

        assertThat(twilio.created).isEqualTo(1);
        assertThat(twilio.lookups).isEqualTo(1);
        assertThat(bought.subaccountSid()).isEqualTo("AC1");
        assertThat(bought.whatsappSenderStatus()).isEqualTo("pending");
        assertThat(twilio.boughtWith).containsExactly(WEBHOOK);
    }

    @Test
    void givenANumberAlreadyInTheSubaccountWhenProvisionedThenItIsTakenAndNothingIsBought() {
        store.saveTwilioSubaccount(MODA, new TwilioSubaccount("AC1", new Secret("t")), T0);
        twilio.owned.add(new PhoneNumber("+14155550101"));

        Bought bought = service.provision(MODA, new Command("US", Optional.of("415")));

        assertThat(bought.phoneNumber().e164()).isEqualTo("+14155550101");
        assertThat(twilio.boughtWith).isEmpty();
        assertThat(twilio.created).isZero();
    }

    /** Twilio as a script: one subaccount, one number for sale, purchases refused on demand. */
    private static final class ScriptedTwilio implements TwilioNumbers {
        final List<PhoneNumber> owned = new ArrayList<>();
        final List<URI> boughtWith = new ArrayList<>();
        boolean refusePurchase;
        int created;
        int lookups;

        @Override
        public Optional<TwilioSubaccount> findSubaccount(String friendlyName) {
            lookups++;
            assertThat(friendlyName).isEqualTo("tenant-moda");
            return Optional.empty();
        }

        @Override
        public TwilioSubaccount createSubaccount(String friendlyName) {
            created++;
            return new TwilioSubaccount("AC" + created, new Secret("token" + created));
        }

        @Override
        public List<PhoneNumber> incomingNumbers(String subaccountSid) {
            return List.copyOf(owned);
        }

        @Override
        public List<PhoneNumber> availableLocalNumbers(
                String subaccountSid, String country, Optional<String> areaCode) {
            assertThat(country).isEqualTo("US");
            return List.of(new PhoneNumber("+14155550199"));
        }

        @Override
        public PhoneNumber buy(String subaccountSid, PhoneNumber number, URI smsUrl) {
            if (refusePurchase) {
                throw new GatewayRejection(GatewayRejection.Kind.PROVIDER_ERROR, "provider_error", "no", "21422");
            }
            boughtWith.add(smsUrl);
            owned.add(number);
            return number;
        }
    }
}
