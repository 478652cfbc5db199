package com.vendin.whatsapp.ports.query;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A recorded message that matched no tenant, with the reason ({@code unregistered_admin}, {@code unknown_store_number}, ...). */
public record UnroutableView(
        String id,
        String provider,
        String providerMessageId,
        String from,
        String to,
        Optional<String> phoneId,
        String reason,
        String type,
        String text,
        Instant providerTimestamp,
        Instant receivedAt,
        Optional<String> userId) {
    public UnroutableView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(phoneId, "phoneId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(providerTimestamp, "providerTimestamp");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(userId, "userId");
    }

    /** A message from a phone number. */
    public UnroutableView(
            String id,
            String provider,
            String providerMessageId,
            String from,
            String to,
            Optional<String> phoneId,
            String reason,
            String type,
            String text,
            Instant providerTimestamp,
            Instant receivedAt) {
        this(
                id,
                provider,
                providerMessageId,
                from,
                to,
                phoneId,
                reason,
                type,
                text,
                providerTimestamp,
                receivedAt,
                Optional.empty());
    }
}
