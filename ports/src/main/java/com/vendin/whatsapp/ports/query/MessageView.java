package com.vendin.whatsapp.ports.query;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One inbound message or outbound reply part as the admin API lists it (CONTRACT §5.4).
 * {@code id} is {@code in-<n>} or {@code out-<n>}; {@code direction} is {@code inbound} or {@code outbound};
 * {@code state} is an inbound state or an outbound one ({@code pending}, {@code sent}, {@code delivered},
 * {@code read}, {@code failed}). {@code userId} and {@code username} are the customer's BSUID and WhatsApp
 * username when the provider gave them (CONTRACT §2.4); {@code detail} what a rich part or a media message is and
 * the thread's window.
 */
public record MessageView(
        String id,
        String direction,
        String from,
        String to,
        String type,
        String text,
        String state,
        Optional<String> providerMessageId,
        Optional<String> role,
        Optional<String> threadId,
        Optional<String> inReplyTo,
        Optional<String> errorCode,
        int attempts,
        Optional<Instant> providerTimestamp,
        Instant createdAt,
        Instant updatedAt,
        Optional<String> userId,
        Optional<String> username,
        MessageDetail detail) {
    public MessageView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(threadId, "threadId");
        Objects.requireNonNull(inReplyTo, "inReplyTo");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(providerTimestamp, "providerTimestamp");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(detail, "detail");
    }

    /** A message with nothing more than its text. */
    public MessageView(
            String id,
            String direction,
            String from,
            String to,
            String type,
            String text,
            String state,
            Optional<String> providerMessageId,
            Optional<String> role,
            Optional<String> threadId,
            Optional<String> inReplyTo,
            Optional<String> errorCode,
            int attempts,
            Optional<Instant> providerTimestamp,
            Instant createdAt,
            Instant updatedAt,
            Optional<String> userId,
            Optional<String> username) {
        this(
                id,
                direction,
                from,
                to,
                type,
                text,
                state,
                providerMessageId,
                role,
                threadId,
                inReplyTo,
                errorCode,
                attempts,
                providerTimestamp,
                createdAt,
                updatedAt,
                userId,
                username,
                MessageDetail.NONE);
    }

    public MessageView withDetail(MessageDetail newDetail) {
        return new MessageView(
                id,
                direction,
                from,
                to,
                type,
                text,
                state,
                providerMessageId,
                role,
                threadId,
                inReplyTo,
                errorCode,
                attempts,
                providerTimestamp,
                createdAt,
                updatedAt,
                userId,
                username,
                newDetail);
    }

    /** A message of a sender known by phone only. */
    public MessageView(
            String id,
            String direction,
            String from,
            String to,
            String type,
            String text,
            String state,
            Optional<String> providerMessageId,
            Optional<String> role,
            Optional<String> threadId,
            Optional<String> inReplyTo,
            Optional<String> errorCode,
            int attempts,
            Optional<Instant> providerTimestamp,
            Instant createdAt,
            Instant updatedAt) {
        this(
                id,
                direction,
                from,
                to,
                type,
                text,
                state,
                providerMessageId,
                role,
                threadId,
                inReplyTo,
                errorCode,
                attempts,
                providerTimestamp,
                createdAt,
                updatedAt,
                Optional.empty(),
                Optional.empty());
    }
}
