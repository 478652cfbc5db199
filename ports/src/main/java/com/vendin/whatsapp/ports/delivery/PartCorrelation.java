package com.vendin.whatsapp.ports.delivery;

import java.util.Optional;

/**
 * The correlation id a send carries for its outbound part (Meta {@code biz_opaque_callback_data}, a query
 * parameter of Twilio's {@code StatusCallback}), echoed in the provider's statuses so a send whose answer
 * was lost (a crash while the call was on the wire) can still be matched to its part.
 */
public final class PartCorrelation {
    /** The query parameter of a status callback URL that carries the correlation id (Twilio). */
    public static final String QUERY_PARAMETER = "gatewayPart";

    private static final String PREFIX = "wg-part-";

    private PartCorrelation() {}

    /** The correlation id of part {@code partId}. */
    public static String of(long partId) {
        if (partId <= 0) {
            throw new IllegalArgumentException("a part id is positive");
        }
        return PREFIX + partId;
    }

    /** The part a correlation id names; empty when it is not one this gateway made. */
    public static Optional<Long> partId(String correlationId) {
        if (correlationId == null
                || !correlationId.startsWith(PREFIX)
                || correlationId.length() == PREFIX.length()
                || correlationId.length() > PREFIX.length() + 18) {
            return Optional.empty();
        }
        String digits = correlationId.substring(PREFIX.length());
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        long id = Long.parseLong(digits);
        return id > 0 ? Optional.of(id) : Optional.empty();
    }
}
