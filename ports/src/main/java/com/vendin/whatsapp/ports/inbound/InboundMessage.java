package com.vendin.whatsapp.ports.inbound;

import com.vendin.whatsapp.ports.common.Provider;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One message from a provider webhook, before routing. {@code from} is the sender exactly as the
 * provider spelled it (Meta's digits, Twilio's {@code whatsapp:+...}); replies go to it unchanged.
 */
public record InboundMessage(
        Provider provider,
        String providerMessageId,
        String from,
        Destination to,
        Instant providerTimestamp,
        MessageContent content,
        Optional<String> profileName) {

    public InboundMessage {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(providerTimestamp, "providerTimestamp");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(profileName, "profileName");
        if (providerMessageId.isBlank()) {
            throw new IllegalArgumentException("providerMessageId must not be blank");
        }
    }
}
