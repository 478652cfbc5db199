package com.vendin.whatsapp.tenant;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * What the gateway POSTs to {@code {instanceUrl}/webhooks/whatsapp/status} when a part the tenant sent changes
 * state (docs/CONTRACT.md §3.4), signed like every call: {@code messageId} is the part's id (as returned by the
 * send API), {@code status} one of {@code sent}, {@code delivered}, {@code read}, {@code failed}.
 */
public record StatusUpdate(
        String tenantId,
        String messageId,
        Optional<String> replyTo,
        String status,
        Optional<String> errorCode,
        Optional<String> timestamp) {
    public StatusUpdate {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(replyTo, "replyTo");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(timestamp, "timestamp");
    }

    public static StatusUpdate parse(byte[] rawBody) {
        Fields f = Fields.of(Json.parseObject(new String(rawBody, StandardCharsets.UTF_8)));
        Optional<String> errorCode =
                f.text("errorCode").or(() -> f.number("errorCode").map(n -> n.toPlainString()));
        Optional<String> timestamp =
                f.text("timestamp").or(() -> f.number("timestamp").map(n -> n.toPlainString()));
        return new StatusUpdate(
                f.required("tenantId"),
                f.required("messageId"),
                f.text("replyTo"),
                f.required("status"),
                errorCode,
                timestamp);
    }

    /** The timestamp as an instant, whether the gateway sent ISO-8601 or unix seconds. */
    public Optional<Instant> instant() {
        return timestamp.flatMap(text -> {
            try {
                return Optional.of(
                        text.chars().allMatch(Character::isDigit)
                                ? Instant.ofEpochSecond(Long.parseLong(text))
                                : Instant.parse(text));
            } catch (DateTimeParseException | NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
