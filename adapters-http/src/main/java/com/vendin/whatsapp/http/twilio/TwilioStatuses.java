package com.vendin.whatsapp.http.twilio;

import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.inbound.DeliveryStatus;
import com.vendin.whatsapp.ports.inbound.StatusUpdate;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a Twilio status callback (docs/PROVIDERS.md §2.3): {@code queued}, {@code accepted}, {@code sending} and
 * {@code sent} are {@code SENT}; {@code delivered} and {@code read} as named; {@code failed} and
 * {@code undelivered} are {@code FAILED} with {@code ErrorCode}. Other statuses change nothing.
 */
final class TwilioStatuses {
    private TwilioStatuses() {}

    static Optional<DeliveryStatus> map(String messageStatus) {
        return switch (messageStatus.toLowerCase(Locale.ROOT)) {
            case "queued", "accepted", "sending", "sent" -> Optional.of(DeliveryStatus.SENT);
            case "delivered" -> Optional.of(DeliveryStatus.DELIVERED);
            case "read" -> Optional.of(DeliveryStatus.READ);
            case "failed", "undelivered" -> Optional.of(DeliveryStatus.FAILED);
            default -> Optional.empty();
        };
    }

    /** @param correlationId the {@code gatewayPart} parameter of the callback URL, when present */
    static Optional<StatusUpdate> read(
            TwilioForm form, String messageSid, Instant now, Optional<String> correlationId) {
        String wire = form.text("MessageStatus");
        return map(wire)
                .map(status -> new StatusUpdate(
                        Provider.TWILIO,
                        messageSid,
                        status,
                        now,
                        status == DeliveryStatus.FAILED ? form.get("ErrorCode") : Optional.empty(),
                        status == DeliveryStatus.FAILED
                                ? form.get("ChannelStatusMessage")
                                        .or(() -> form.get("ErrorMessage"))
                                        .or(() -> Optional.of(wire))
                                : Optional.empty(),
                        correlationId));
    }
}
