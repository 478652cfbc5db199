package com.vendin.whatsapp.ports.delivery;

import com.vendin.whatsapp.ports.inbound.MessageContent;
import com.vendin.whatsapp.ports.inbound.Role;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The message a tenant instance receives (CONTRACT §3 body); {@code from} and {@code threadId} are canonical E.164. */
public record AgentRequest(String messageId, TenantId tenantId, PhoneNumber from, Role role, String threadId,
                           MessageContent content, Optional<String> profileName, Instant receivedAt) {
    public AgentRequest {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(threadId, "threadId");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(profileName, "profileName");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
