package com.vendin.whatsapp.domain.inbound;

import com.vendin.whatsapp.domain.PlatformAccount;
import com.vendin.whatsapp.domain.phone.PhoneNumbers;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.inbound.TwilioSigningKeys;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.Tenant;
import com.vendin.whatsapp.ports.tenant.TenantDirectory;
import com.vendin.whatsapp.ports.tenant.WhatsAppNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Picks the auth token that signs a Twilio webhook: the numbers on both sides are looked up (the store
 * number is {@code To} on an incoming message and {@code From} on a status callback); a store with its own
 * subaccount yields that subaccount's token only, every other owned number (the platform number, a store
 * on the main account) and an unknown number yield {@code TWILIO_AUTH_TOKEN}.
 */
public final class TwilioSigningKeyService implements TwilioSigningKeys {
    private final TenantDirectory directory;
    private final PlatformAccount platform;

    public TwilioSigningKeyService(TenantDirectory directory, PlatformAccount platform) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.platform = Objects.requireNonNull(platform, "platform");
    }

    @Override
    public List<Secret> candidates(String to, String from, Optional<String> accountSid) {
        List<Secret> tokens = new ArrayList<>();
        boolean owned = false;
        for (String raw : List.of(to, from)) {
            Optional<PhoneNumber> number = tryParse(raw);
            if (number.isEmpty()) {
                continue;
            }
            if (isPlatformNumber(number.get())) {
                owned = true;
                platform.twilioAuthToken().ifPresent(t -> add(tokens, t));
                continue;
            }
            Optional<WhatsAppNumber> store = findStore(number.get());
            if (store.isPresent()) {
                owned = true;
                tokenOf(store.get(), accountSid).ifPresent(t -> add(tokens, t));
            }
        }
        if (!owned) {
            platform.twilioAuthToken().ifPresent(t -> add(tokens, t));
        }
        return List.copyOf(tokens);
    }

    private Optional<Secret> tokenOf(WhatsAppNumber store, Optional<String> accountSid) {
        if (store.twilioAccountSid().isPresent() && store.twilioAuthToken().isPresent()) {
            boolean otherAccount = accountSid.isPresent() && !accountSid.equals(store.twilioAccountSid());
            return otherAccount ? Optional.empty() : store.twilioAuthToken();
        }
        return store.provider() == Provider.TWILIO ? platform.twilioAuthToken() : Optional.empty();
    }

    private boolean isPlatformNumber(PhoneNumber canonical) {
        return platform.twilioFrom()
                .map(PhoneNumbers::canonical)
                .filter(canonical::equals)
                .isPresent();
    }

    private Optional<WhatsAppNumber> findStore(PhoneNumber number) {
        for (PhoneNumber spelling : PhoneNumbers.spellings(number)) {
            Optional<WhatsAppNumber> found = directory.findByNumber(spelling).flatMap(Tenant::whatsapp);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static void add(List<Secret> tokens, Secret token) {
        if (!tokens.contains(token)) {
            tokens.add(token);
        }
    }

    private static Optional<PhoneNumber> tryParse(String raw) {
        try {
            return Optional.of(PhoneNumbers.parseCanonical(raw));
        } catch (GatewayRejection e) {
            return Optional.empty();
        }
    }
}
