package com.vendin.whatsapp.ports.delivery;

import com.vendin.whatsapp.ports.inbound.MessageContent;
import com.vendin.whatsapp.ports.inbound.Role;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The message a tenant instance receives (CONTRACT §3 body and §2.4): {@code from} is the sender's canonical
 * E.164 phone when known, {@code threadId} the canonical phone or {@code user:<BSUID>}, {@code userId} the
 * sender's BSUID whenever the provider gave one and {@code username} their WhatsApp username when given.
 */
public record AgentRequest(
        String messageId,
        TenantId tenantId,
        Optional<PhoneNumber> from,
        Role role,
        String threadId,
        MessageContent content,
        Optional<String> profileName,
        Instant receivedAt,
        Optional<String> userId,
        Optional<String> username) {
    public AgentRequest {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(threadId, "threadId");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(profileName, "profileName");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(username, "username");
    }

    /** A request for a sender known by phone only. */
    public AgentRequest(
            String messageId,
            TenantId tenantId,
            PhoneNumber from,
            Role role,
            String threadId,
            MessageContent content,
            Optional<String> profileName,
            Instant receivedAt) {
        this(
                messageId,
                tenantId,
                Optional.of(from),
                role,
                threadId,
                content,
                profileName,
                receivedAt,
                Optional.empty(),
                Optional.empty());
    }
}
