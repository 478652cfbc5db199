package com.vendin.whatsapp.ports.deadletter;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What operators list as given up (CONTRACT §5.4): an inbound message whose delivery to its tenant gave up
 * ({@code dead}, kind {@value #DELIVERY}, id {@code in-<n>}), or a reply part the provider refused without
 * accepting it ({@code failed}, kind {@value #SEND}, id {@code out-<n>}); the ids are those the tenant's message
 * list shows. For a part, {@code providerMessageId} and {@code from} are those of the inbound message it answers,
 * {@code to} is where it was sent, and {@code lastError} the provider's code and detail. {@code userId} is the
 * customer's business-scoped user id when the provider gave one (CONTRACT §2.4): for a customer without a phone,
 * {@code from} is empty and this is who they are.
 */
public record DeadLetter(
        String id,
        String tenantId,
        String role,
        String threadId,
        String from,
        String type,
        String text,
        String providerMessageId,
        int attempts,
        Optional<String> lastError,
        Instant providerTimestamp,
        Instant receivedAt,
        Instant deadAt,
        String kind,
        Optional<String> to,
        Optional<String> userId) {
    public static final String DELIVERY = "delivery";
    public static final String SEND = "send";

    /** A dead inbound message (kind {@value #DELIVERY}). */
    public DeadLetter(
            String id,
            String tenantId,
            String role,
            String threadId,
            String from,
            String type,
            String text,
            String providerMessageId,
            int attempts,
            Optional<String> lastError,
            Instant providerTimestamp,
            Instant receivedAt,
            Instant deadAt) {
        this(
                id,
                tenantId,
                role,
                threadId,
                from,
                type,
                text,
                providerMessageId,
                attempts,
                lastError,
                providerTimestamp,
                receivedAt,
                deadAt,
                DELIVERY,
                Optional.empty(),
                Optional.empty());
    }

    /** Without a user id. */
    public DeadLetter(
            String id,
            String tenantId,
            String role,
            String threadId,
            String from,
            String type,
            String text,
            String providerMessageId,
            int attempts,
            Optional<String> lastError,
            Instant providerTimestamp,
            Instant receivedAt,
            Instant deadAt,
            String kind,
            Optional<String> to) {
        this(
                id,
                tenantId,
                role,
                threadId,
                from,
                type,
                text,
                providerMessageId,
                attempts,
                lastError,
                providerTimestamp,
                receivedAt,
                deadAt,
                kind,
                to,
                Optional.empty());
    }

    public DeadLetter {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(threadId, "threadId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(providerTimestamp, "providerTimestamp");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(deadAt, "deadAt");
    }
}
