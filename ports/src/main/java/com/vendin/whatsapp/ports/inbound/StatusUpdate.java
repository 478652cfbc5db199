package com.vendin.whatsapp.ports.inbound;

import com.vendin.whatsapp.ports.common.Provider;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A provider's report on a message the gateway sent ({@code statuses[]} on Meta, a status callback on Twilio);
 * {@code correlationId} is the one the send carried (Meta {@code biz_opaque_callback_data}), when echoed.
 */
public record StatusUpdate(
        Provider provider,
        String providerMessageId,
        DeliveryStatus status,
        Instant timestamp,
        Optional<String> errorCode,
        Optional<String> errorTitle,
        Optional<String> correlationId) {
    public StatusUpdate {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(errorTitle, "errorTitle");
        Objects.requireNonNull(correlationId, "correlationId");
    }

    /** A status without a correlation id. */
    public StatusUpdate(
            Provider provider,
            String providerMessageId,
            DeliveryStatus status,
            Instant timestamp,
            Optional<String> errorCode,
            Optional<String> errorTitle) {
        this(provider, providerMessageId, status, timestamp, errorCode, errorTitle, Optional.empty());
    }
}
