package com.vendin.whatsapp.domain.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Reads the ways people and providers spell phone numbers (Meta's bare digits, Twilio's
 * {@code whatsapp:+...}, formatted input) into E.164, and knows when two spellings are one subscriber.
 */
public final class PhoneNumbers {
    /** The code every parse failure carries. */
    public static final String INVALID_CODE = "invalid_phone_number";

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final String WHATSAPP_PREFIX = "whatsapp:";
    private static final Pattern ALLOWED = Pattern.compile("\\+?[0-9\\s().\\-/]*[0-9][0-9\\s().\\-/]*");
    private static final String BRAZIL = "+55";
    private static final int BRAZIL_OLD_MOBILE_LENGTH = 10;
    private static final int ECHO_LIMIT = 32;
    /**
     * Spellings parsed before, and what they parsed to: every message is parsed a few times on its way (routing,
     * its reply's address), and libphonenumber's parse is one of the larger costs of a message (issue 15). Only
     * numbers that parsed are kept; at most this many.
     */
    private static final int PARSED_LIMIT = 10_000;

    private static final Map<String, PhoneNumber> PARSED = new ConcurrentHashMap<>();

    private PhoneNumbers() {}

    /**
     * Parses a number; digits without {@code +} are read as country code plus number.
     *
     * @throws GatewayRejection {@code INVALID / invalid_phone_number} naming the reason
     */
    public static PhoneNumber parse(String raw) {
        if (raw == null) {
            return parseUncached(null);
        }
        PhoneNumber known = PARSED.get(raw);
        if (known != null) {
            return known;
        }
        PhoneNumber parsed = parseUncached(raw);
        if (PARSED.size() >= PARSED_LIMIT) {
            PARSED.clear(); // crude but bounded: the senders of the last minutes come back at once
        }
        PARSED.put(raw, parsed);
        return parsed;
    }

    private static PhoneNumber parseUncached(String raw) {
        String text = raw == null ? "" : withoutWhatsAppPrefix(raw.strip());
        if (text.isEmpty()) {
            throw rejection("empty", "");
        }
        if (!ALLOWED.matcher(text).matches()) {
            throw rejection("not a number", raw);
        }
        String international = text.startsWith("+") ? text : "+" + text;
        Phonenumber.PhoneNumber parsed = parseInternational(international, raw);
        checkPossible(parsed, raw);
        try {
            return new PhoneNumber(UTIL.format(parsed, PhoneNumberFormat.E164));
        } catch (IllegalArgumentException e) {
            throw rejection("too short", raw);
        }
    }

    /** Parses and then {@link #canonical canonicalises} the number. */
    public static PhoneNumber parseCanonical(String raw) {
        return canonical(parse(raw));
    }

    /**
     * The one spelling of a subscriber: a Brazilian mobile written without its ninth digit
     * ({@code +55}, area code, eight digits starting 6 to 9) gets it; every other number is unchanged.
     */
    public static PhoneNumber canonical(PhoneNumber number) {
        String e164 = number.e164();
        if (!e164.startsWith(BRAZIL)) {
            return number;
        }
        String national = e164.substring(BRAZIL.length());
        if (national.length() != BRAZIL_OLD_MOBILE_LENGTH || "6789".indexOf(national.charAt(2)) < 0) {
            return number;
        }
        return new PhoneNumber(BRAZIL + national.substring(0, 2) + "9" + national.substring(2));
    }

    /**
     * Every spelling under which a subscriber may have been stored: the canonical one first, then, for a
     * Brazilian mobile, the old eight-digit one without its ninth digit. Lookups try them in order, so a
     * number stored before canonicalisation (or imported) is still found.
     */
    public static List<PhoneNumber> spellings(PhoneNumber number) {
        PhoneNumber canonical = canonical(number);
        String e164 = canonical.e164();
        String national = e164.startsWith(BRAZIL) ? e164.substring(BRAZIL.length()) : "";
        if (national.length() == BRAZIL_OLD_MOBILE_LENGTH + 1
                && national.charAt(2) == '9'
                && "6789".indexOf(national.charAt(3)) >= 0) {
            return List.of(canonical, new PhoneNumber(BRAZIL + national.substring(0, 2) + national.substring(3)));
        }
        return List.of(canonical);
    }

    /** Whether two numbers reach the same person on WhatsApp (equal once canonical). */
    public static boolean sameSubscriber(PhoneNumber a, PhoneNumber b) {
        return canonical(a).equals(canonical(b));
    }

    private static String withoutWhatsAppPrefix(String text) {
        if (text.toLowerCase(Locale.ROOT).startsWith(WHATSAPP_PREFIX)) {
            return text.substring(WHATSAPP_PREFIX.length()).strip();
        }
        return text;
    }

    private static Phonenumber.PhoneNumber parseInternational(String international, String raw) {
        try {
            Phonenumber.PhoneNumber parsed = UTIL.parse(international, "ZZ");
            if (parsed.hasExtension()) {
                throw rejection("not a number", raw);
            }
            return parsed;
        } catch (NumberParseException e) {
            throw rejection(reason(e.getErrorType()), raw);
        }
    }

    private static String reason(NumberParseException.ErrorType type) {
        return switch (type) {
            case INVALID_COUNTRY_CODE -> "invalid country code";
            case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> "too short";
            case TOO_LONG -> "too long";
            case NOT_A_NUMBER -> "not a number";
        };
    }

    private static void checkPossible(Phonenumber.PhoneNumber parsed, String raw) {
        switch (UTIL.isPossibleNumberWithReason(parsed)) {
            case IS_POSSIBLE:
                return;
            case INVALID_COUNTRY_CODE:
                throw rejection("invalid country code", raw);
            case TOO_LONG:
                throw rejection("too long", raw);
            case INVALID_LENGTH:
                throw rejection("invalid length for its country", raw);
            default:
                throw rejection("too short", raw);
        }
    }

    private static GatewayRejection rejection(String reason, String raw) {
        String echo = raw.length() > ECHO_LIMIT ? raw.substring(0, ECHO_LIMIT) + "..." : raw;
        String message = raw.isEmpty()
                ? "Not a valid phone number: " + reason + "."
                : "Not a valid phone number (" + reason + "): '" + echo.strip() + "'.";
        return GatewayRejection.invalid(INVALID_CODE, message);
    }
}
