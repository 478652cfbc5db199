package com.vendin.whatsapp.domain.numbers;

import com.vendin.whatsapp.domain.phone.PhoneNumbers;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.numbers.ProvisionTwilioNumber;
import com.vendin.whatsapp.ports.numbers.ProvisioningStore;
import com.vendin.whatsapp.ports.numbers.TwilioNumbers;
import com.vendin.whatsapp.ports.numbers.TwilioSubaccount;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.NumberStatus;
import com.vendin.whatsapp.ports.tenant.Tenant;
import com.vendin.whatsapp.ports.tenant.TenantId;
import com.vendin.whatsapp.ports.tenant.TenantRepository;
import com.vendin.whatsapp.ports.tenant.WhatsAppNumber;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Twilio provisioning (CONTRACT §5.3 C): the tenant's subaccount ({@code FriendlyName=tenant-<id>}),
 * created once and kept as soon as it exists; a number bought into it with the gateway's Twilio webhook.
 * Every step first looks for what an earlier, interrupted attempt left (a subaccount Twilio created
 * but whose answer was lost, a number already in the subaccount), so a retry never buys twice.
 */
public final class TwilioNumberService implements ProvisionTwilioNumber {
    public static final String SENDER_PENDING = "pending";
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern AREA_CODE = Pattern.compile("[0-9]{1,6}");

    private final TenantRepository tenants;
    private final TwilioNumbers twilio;
    private final ProvisioningStore store;
    private final Supplier<URI> webhookUrl;
    private final Clock clock;

    /** @param webhookUrl {@code GATEWAY_PUBLIC_URL/webhooks/whatsapp/twilio}, read when a number is bought */
    public TwilioNumberService(
            TenantRepository tenants,
            TwilioNumbers twilio,
            ProvisioningStore store,
            Supplier<URI> webhookUrl,
            Clock clock) {
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.twilio = Objects.requireNonNull(twilio, "twilio");
        this.store = Objects.requireNonNull(store, "store");
        this.webhookUrl = Objects.requireNonNull(webhookUrl, "webhookUrl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Bought provision(TenantId id, Command command) {
        String country = Inputs.required(command.country(), "country").toUpperCase(Locale.ROOT);
        if (!COUNTRY.matcher(country).matches()) {
            throw GatewayRejection.invalid("invalid_country", "country must be a two-letter ISO code such as US.");
        }
        Optional<String> areaCode = command.areaCode().map(String::strip);
        if (areaCode.filter(a -> !AREA_CODE.matcher(a).matches()).isPresent()) {
            throw GatewayRejection.invalid("invalid_area_code", "areaCode must be digits.");
        }
        Tenant tenant = tenants.findById(id).orElseThrow(() -> Inputs.tenantNotFound(id));
        Optional<TwilioSubaccount> kept = store.twilioSubaccount(id);
        checkNoOtherNumber(tenant, kept);
        TwilioSubaccount subaccount = kept.orElseGet(() -> subaccountFor(id));
        List<PhoneNumber> owned = twilio.incomingNumbers(subaccount.sid());
        PhoneNumber number =
                PhoneNumbers.canonical(owned.isEmpty() ? buy(subaccount, country, areaCode) : owned.get(0));
        store.storeTwilioNumber(
                id,
                new WhatsAppNumber(
                        number,
                        Optional.empty(),
                        Provider.TWILIO,
                        Optional.empty(),
                        Optional.of(subaccount.sid()),
                        Optional.of(subaccount.authToken()),
                        NumberStatus.ACTIVE,
                        Optional.empty()),
                clock.instant());
        return new Bought(number, subaccount.sid(), SENDER_PENDING);
    }

    /** A tenant may repeat this call (it gets its number again), but not trade a number of another kind for one. */
    private static void checkNoOtherNumber(Tenant tenant, Optional<TwilioSubaccount> kept) {
        Optional<WhatsAppNumber> current = tenant.whatsapp();
        boolean ours = current.filter(n -> n.provider() == Provider.TWILIO)
                .flatMap(WhatsAppNumber::twilioAccountSid)
                .filter(sid ->
                        kept.map(TwilioSubaccount::sid).filter(sid::equals).isPresent())
                .isPresent();
        if (current.isPresent() && !ours) {
            throw GatewayRejection.conflict(
                    "tenant_has_number",
                    "Tenant '" + tenant.id() + "' already has the WhatsApp number "
                            + current.get().phoneNumber() + ".");
        }
    }

    private TwilioSubaccount subaccountFor(TenantId id) {
        String name = "tenant-" + id.value();
        TwilioSubaccount subaccount = twilio.findSubaccount(name).orElseGet(() -> twilio.createSubaccount(name));
        store.saveTwilioSubaccount(id, subaccount, clock.instant());
        return subaccount;
    }

    private PhoneNumber buy(TwilioSubaccount subaccount, String country, Optional<String> areaCode) {
        List<PhoneNumber> offered = twilio.availableLocalNumbers(subaccount.sid(), country, areaCode);
        if (offered.isEmpty()) {
            throw GatewayRejection.conflict(
                    "no_numbers_available",
                    "Twilio offers no local number in " + country
                            + areaCode.map(a -> " with area code " + a).orElse("") + ".");
        }
        return twilio.buy(subaccount.sid(), offered.get(0), webhookUrl.get());
    }
}
