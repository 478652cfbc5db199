package com.vendin.whatsapp.ports.inbound;

import com.vendin.whatsapp.ports.common.Provider;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One message from a provider webhook, before routing. {@code from} is the sender's phone exactly as the
 * provider spelled it (Meta's digits, Twilio's {@code whatsapp:+...}), or empty when the provider gave
 * none (a WhatsApp username user, CONTRACT §2.4). {@code userId} is the sender's business-scoped user id
 * (BSUID) whenever the provider gave one, {@code parentUserId} its parent BSUID, {@code username} the
 * sender's WhatsApp username. A message with neither a phone nor a user id cannot be routed.
 */
public record InboundMessage(
        Provider provider,
        String providerMessageId,
        String from,
        Destination to,
        Instant providerTimestamp,
        MessageContent content,
        Optional<String> profileName,
        Optional<String> userId,
        Optional<String> parentUserId,
        Optional<String> username) {

    public InboundMessage {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(providerTimestamp, "providerTimestamp");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(profileName, "profileName");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(parentUserId, "parentUserId");
        Objects.requireNonNull(username, "username");
        if (providerMessageId.isBlank()) {
            throw new IllegalArgumentException("providerMessageId must not be blank");
        }
    }

    /** A message from a phone number, without a user id or username. */
    public InboundMessage(
            Provider provider,
            String providerMessageId,
            String from,
            Destination to,
            Instant providerTimestamp,
            MessageContent content,
            Optional<String> profileName) {
        this(
                provider,
                providerMessageId,
                from,
                to,
                providerTimestamp,
                content,
                profileName,
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /**
     * Where a reply to this message goes: the sender's phone as the provider spelled it, else the BSUID
     * (which the senders put in Meta's {@code recipient}, or Twilio's {@code To=whatsapp:<BSUID>}).
     */
    public String replyAddress() {
        return from.isBlank() ? userId.orElse("") : from;
    }
}
