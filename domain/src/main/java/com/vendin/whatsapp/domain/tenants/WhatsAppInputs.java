package com.vendin.whatsapp.domain.tenants;

import com.vendin.whatsapp.domain.phone.PhoneNumbers;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.ManageTenants.WhatsAppInput;
import com.vendin.whatsapp.ports.tenant.NumberStatus;
import com.vendin.whatsapp.ports.tenant.WhatsAppNumber;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns the {@code whatsapp} part of a create or update into a store number, merged over the current one.
 * Provider-specific fields (phone id, token, Twilio subaccount) carry over only while the provider stays the same.
 */
final class WhatsAppInputs {
    private static final String INVALID_REQUEST = "invalid_request";
    private static final Pattern TWILIO_NUMBER_SID = Pattern.compile("PN[0-9a-fA-F]{32}");

    private WhatsAppInputs() {}

    static WhatsAppNumber merge(Optional<WhatsAppNumber> current, WhatsAppInput input) {
        Provider provider =
                input.provider().or(() -> current.map(WhatsAppNumber::provider)).orElse(Provider.FACEBOOK);
        Optional<WhatsAppNumber> same = current.filter(c -> c.provider() == provider);
        PhoneNumber number = input.phoneNumber()
                .map(PhoneNumbers::parseCanonical)
                .or(() -> current.map(WhatsAppNumber::phoneNumber))
                .orElseThrow(
                        () -> GatewayRejection.invalid(PhoneNumbers.INVALID_CODE, "whatsapp.phoneNumber is required."));
        WhatsAppNumber merged = provider == Provider.FACEBOOK ? meta(number, same, input) : twilio(number, same, input);
        return withLifecycle(merged, same);
    }

    private static WhatsAppNumber meta(PhoneNumber number, Optional<WhatsAppNumber> same, WhatsAppInput input) {
        if (input.twilioAccountSid().isPresent() || input.twilioAuthToken().isPresent()) {
            throw invalid("whatsapp.twilioAccountSid and whatsapp.twilioAuthToken apply only to provider twilio.");
        }
        String phoneId = input.phoneId()
                .map(id -> nonBlank(id, "whatsapp.phoneId"))
                .or(() -> same.flatMap(WhatsAppNumber::phoneId))
                .orElseThrow(
                        () -> invalid("whatsapp.phoneId (Meta's phone number id) is required for provider facebook."));
        Optional<Secret> token = input.accessToken()
                .map(t -> new Secret(nonBlank(t, "whatsapp.accessToken")))
                .or(() -> same.flatMap(WhatsAppNumber::accessToken));
        return new WhatsAppNumber(
                number,
                Optional.of(phoneId),
                Provider.FACEBOOK,
                token,
                Optional.empty(),
                Optional.empty(),
                NumberStatus.ACTIVE,
                Optional.empty());
    }

    private static WhatsAppNumber twilio(PhoneNumber number, Optional<WhatsAppNumber> same, WhatsAppInput input) {
        if (input.accessToken().isPresent()) {
            throw invalid("whatsapp.accessToken applies only to provider facebook.");
        }
        if (input.twilioAccountSid().isPresent() != input.twilioAuthToken().isPresent()) {
            throw invalid("whatsapp.twilioAccountSid and whatsapp.twilioAuthToken must be given together.");
        }
        Optional<String> sid = input.twilioAccountSid()
                .map(s -> nonBlank(s, "whatsapp.twilioAccountSid"))
                .or(() -> same.flatMap(WhatsAppNumber::twilioAccountSid));
        Optional<Secret> token = input.twilioAuthToken()
                .map(t -> new Secret(nonBlank(t, "whatsapp.twilioAuthToken")))
                .or(() -> same.flatMap(WhatsAppNumber::twilioAuthToken));
        Optional<String> phoneId =
                input.phoneId().map(WhatsAppInputs::twilioNumberSid).or(() -> same.flatMap(WhatsAppNumber::phoneId));
        return new WhatsAppNumber(
                number, phoneId, Provider.TWILIO, Optional.empty(), sid, token, NumberStatus.ACTIVE, Optional.empty());
    }

    /** Keeps the current status and verification unless the number or its credentials changed. */
    private static WhatsAppNumber withLifecycle(WhatsAppNumber merged, Optional<WhatsAppNumber> same) {
        if (same.isEmpty() || !same.get().phoneNumber().equals(merged.phoneNumber())) {
            return merged;
        }
        WhatsAppNumber old = same.get();
        boolean credentialsChanged = !old.accessToken().equals(merged.accessToken())
                || !old.twilioAuthToken().equals(merged.twilioAuthToken());
        NumberStatus status = credentialsChanged ? NumberStatus.ACTIVE : old.status();
        Optional<Instant> verifiedAt = old.verifiedAt();
        return new WhatsAppNumber(
                merged.phoneNumber(),
                merged.phoneId(),
                merged.provider(),
                merged.accessToken(),
                merged.twilioAccountSid(),
                merged.twilioAuthToken(),
                status,
                verifiedAt);
    }

    /** A Twilio number's {@code phoneId} is its IncomingPhoneNumber SID: {@code PN} and 32 hex digits. */
    private static String twilioNumberSid(String raw) {
        String sid = raw.strip();
        if (!TWILIO_NUMBER_SID.matcher(sid).matches()) {
            throw invalid("whatsapp.phoneId of a Twilio number must be its phone number SID: PN followed by 32 "
                    + "hexadecimal digits (got '" + (sid.length() > 40 ? sid.substring(0, 40) + "..." : sid) + "').");
        }
        return sid;
    }

    private static String nonBlank(String value, String field) {
        if (value.isBlank()) {
            throw invalid(field + " must not be blank.");
        }
        return value.strip();
    }

    private static GatewayRejection invalid(String message) {
        return GatewayRejection.invalid(INVALID_REQUEST, message);
    }
}
