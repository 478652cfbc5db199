package com.vendin.whatsapp.domain.numbers;

import com.vendin.whatsapp.domain.phone.PhoneNumbers;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.numbers.EmbeddedSignup;
import com.vendin.whatsapp.ports.numbers.MetaOnboarding;
import com.vendin.whatsapp.ports.numbers.MetaOnboarding.PhoneDetails;
import com.vendin.whatsapp.ports.numbers.ProvisioningStore;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.NumberStatus;
import com.vendin.whatsapp.ports.tenant.TenantDirectory;
import com.vendin.whatsapp.ports.tenant.TenantId;
import com.vendin.whatsapp.ports.tenant.TenantRepository;
import com.vendin.whatsapp.ports.tenant.WhatsAppNumber;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Embedded Signup (CONTRACT §5.3 A): code exchange, number details, app subscription, registration,
 * and only when all four succeeded the number stored. A tenant may run it again (a fresh token after
 * Meta code 190, or a new number): the new number replaces the old and any pool number goes back.
 */
public final class EmbeddedSignupService implements EmbeddedSignup {
    private final TenantRepository tenants;
    private final TenantDirectory directory;
    private final MetaOnboarding meta;
    private final ProvisioningStore store;
    private final Clock clock;
    private final RegistrationPins pins = new RegistrationPins();

    public EmbeddedSignupService(
            TenantRepository tenants,
            TenantDirectory directory,
            MetaOnboarding meta,
            ProvisioningStore store,
            Clock clock) {
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.meta = Objects.requireNonNull(meta, "meta");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Connected complete(TenantId tenant, Command command) {
        String code = Inputs.required(command.code(), "code");
        String phoneNumberId = Inputs.required(command.phoneNumberId(), "phoneNumberId");
        String wabaId = Inputs.required(command.wabaId(), "wabaId");
        Secret pin = command.pin().map(RegistrationPins::parse).orElseGet(pins::next);
        if (tenants.findById(tenant).isEmpty()) {
            throw Inputs.tenantNotFound(tenant);
        }
        Secret token = meta.exchangeCode(code);
        PhoneDetails details = meta.phoneDetails(phoneNumberId, token);
        PhoneNumber number = displayNumber(details);
        checkFree(tenant, number, phoneNumberId);
        meta.subscribeApp(wabaId, token);
        meta.register(phoneNumberId, pin, token);
        Instant now = clock.instant();
        WhatsAppNumber connected = new WhatsAppNumber(
                number,
                Optional.of(phoneNumberId),
                Provider.FACEBOOK,
                Optional.of(token),
                Optional.empty(),
                Optional.empty(),
                NumberStatus.ACTIVE,
                Optional.of(now));
        store.storeMetaNumber(tenant, connected, wabaId, pin, now);
        return new Connected(number, details.verifiedName());
    }

    private static PhoneNumber displayNumber(PhoneDetails details) {
        try {
            return PhoneNumbers.parseCanonical(details.displayPhoneNumber());
        } catch (GatewayRejection e) {
            throw new GatewayRejection(
                    GatewayRejection.Kind.PROVIDER_ERROR,
                    "provider_error",
                    "Meta gave a display number that is not a phone number: " + e.getMessage(),
                    "invalid_response");
        }
    }

    private void checkFree(TenantId tenant, PhoneNumber number, String phoneNumberId) {
        boolean numberTaken = directory
                .findByNumber(number)
                .filter(t -> !t.id().equals(tenant))
                .isPresent();
        boolean idTaken = directory
                .findByPhoneId(phoneNumberId)
                .filter(t -> !t.id().equals(tenant))
                .isPresent();
        if (numberTaken || idTaken) {
            throw GatewayRejection.conflict(
                    "phone_number_taken", "The WhatsApp number " + number + " already belongs to another tenant.");
        }
    }
}
