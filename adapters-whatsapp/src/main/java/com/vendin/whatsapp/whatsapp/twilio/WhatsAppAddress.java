package com.vendin.whatsapp.whatsapp.twilio;

import com.vendin.whatsapp.ports.phone.PhoneNumber;
import java.util.Locale;

/** Spells a number as Twilio's WhatsApp channel address, {@code whatsapp:+<E.164 digits>}, without doubling the prefix. */
final class WhatsAppAddress {
    private static final String PREFIX = "whatsapp:";

    private WhatsAppAddress() {
    }

    static String of(PhoneNumber number) {
        return PREFIX + number.e164();
    }

    /** {@code whatsapp:+5511...} is kept; {@code +5511...} and {@code 5511...} get the prefix (and the plus). */
    static String of(String recipient) {
        String address = recipient.strip();
        if (address.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
            address = address.substring(PREFIX.length()).strip();
        }
        return address.startsWith("+") ? PREFIX + address : PREFIX + "+" + address;
    }
}
