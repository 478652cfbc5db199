package com.vendin.whatsapp.whatsapp.twilio;

import com.vendin.whatsapp.ports.identity.UserIds;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import java.util.Locale;

/** Spells a number as Twilio's WhatsApp channel address, {@code whatsapp:+<E.164 digits>}, without doubling the prefix. */
final class WhatsAppAddress {
    private static final String PREFIX = "whatsapp:";

    private WhatsAppAddress() {}

    static String of(PhoneNumber number) {
        return PREFIX + number.e164();
    }

    /**
     * {@code whatsapp:+5511...} is kept; {@code +5511...} and {@code 5511...} get the prefix (and the plus); a
     * business-scoped user id ({@code US.1234}) gets the prefix only: {@code whatsapp:US.1234}.
     */
    static String of(String recipient) {
        String address = recipient.strip();
        if (address.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            address = address.substring(PREFIX.length()).strip();
        }
        if (UserIds.isUserId(address)) {
            return PREFIX + address; // a BSUID goes without a plus (CONTRACT §2.4)
        }
        return address.startsWith("+") ? PREFIX + address : PREFIX + "+" + address;
    }
}
