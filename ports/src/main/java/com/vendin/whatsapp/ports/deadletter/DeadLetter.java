package com.vendin.whatsapp.ports.deadletter;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An inbound message whose delivery to its tenant gave up ({@code dead}), as operators list it
 * (CONTRACT §5.4). {@code id} is {@code in-<n>}, the same id the tenant's message list shows.
 */
public record DeadLetter(String id, String tenantId, String role, String threadId, String from, String type,
                         String text, String providerMessageId, int attempts, Optional<String> lastError,
                         Instant providerTimestamp, Instant receivedAt, Instant deadAt) {
    public DeadLetter {
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
