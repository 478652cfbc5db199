package com.vendin.whatsapp.domain.send;

import com.vendin.whatsapp.domain.phone.PhoneNumbers;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.identity.Person;
import com.vendin.whatsapp.ports.identity.UserIds;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import java.util.Optional;

/**
 * Whom a tenant-initiated message goes to: a phone (sent to as the tenant wrote it, in E.164; its thread is the
 * canonical spelling) or a BSUID (never run through phone parsing), and
 * how each provider is addressed: Meta {@code to} digits or {@code recipient} BSUID (chosen by the sender),
 * Twilio {@code whatsapp:+<phone>} or {@code whatsapp:<BSUID>}.
 */
record Recipient(Optional<PhoneNumber> phone, Optional<PhoneNumber> given, Optional<String> userId) {

    /** A BSUID as it is; a phone parsed to E.164 ({@code given}, where it is sent) and canonical (its thread). */
    static Recipient parse(String raw) {
        String to = raw == null ? "" : raw.strip();
        if (UserIds.isUserId(to)) {
            return new Recipient(Optional.empty(), Optional.empty(), Optional.of(to));
        }
        try {
            PhoneNumber given = PhoneNumbers.parse(to);
            return new Recipient(Optional.of(PhoneNumbers.canonical(given)), Optional.of(given), Optional.empty());
        } catch (GatewayRejection e) {
            throw invalid(raw);
        }
    }

    /** The thread a person first seen with this address starts (CONTRACT §2.4). */
    String newThreadId() {
        return phone.map(PhoneNumber::e164).orElseGet(() -> Person.USER_THREAD_PREFIX + userId.orElseThrow());
    }

    /** The address as the part's {@code to}: the BSUID, or the phone as digits (Meta) or E.164 (Twilio). */
    String address(Provider provider) {
        if (userId.isPresent()) {
            return userId.get();
        }
        String e164 = given.orElseThrow().e164();
        return provider == Provider.FACEBOOK ? e164.substring(1) : e164;
    }

    private static GatewayRejection invalid(String raw) {
        return GatewayRejection.invalid(
                "invalid_recipient",
                "to must be an E.164 phone number (+5511988887777) or a WhatsApp user id (BR.1234...).");
    }
}
