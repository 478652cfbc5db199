package com.vendin.whatsapp.tenant;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the gateway POSTs to {@code {instanceUrl}/webhooks/whatsapp} (docs/CONTRACT.md §3, with §2.4 and §3.3).
 *
 * <ul>
 *   <li>{@code from}: the sender's phone in E.164, {@code ""} for a customer known only by a WhatsApp username;
 *   <li>{@code message}: the text, caption, button or reply title ({@code ""} when none);
 *   <li>{@code role}: {@code customer} (wrote to the store's number) or {@code admin} (the store's owner, on
 *       the platform number);
 *   <li>{@code threadId}: one per person: the phone, else {@code user:<BSUID>};
 *   <li>{@code messageId}: the provider's id: a message delivered twice (at least once) has the same one;
 *   <li>{@code type}: {@code text}, {@code image}, {@code audio}, {@code video}, {@code document},
 *       {@code sticker}, {@code location}, {@code contacts}, {@code interactive}, {@code button},
 *       {@code reaction} or {@code unsupported};
 *   <li>{@code userId}/{@code username}: the business-scoped user id and the WhatsApp username, when given;
 *   <li>{@code details}: the type's own object ({@code "location":{"latitude",...}}), empty for text;
 *   <li>{@code media}: for the media types, the media with its download URL.
 * </ul>
 * Fields the gateway adds later are kept in {@link #fields()}; none is ever removed.
 */
public record InboundMessage(
        String from,
        String message,
        String role,
        String threadId,
        String messageId,
        String tenantId,
        String type,
        Optional<String> profileName,
        Optional<Instant> receivedAt,
        Optional<String> userId,
        Optional<String> username,
        Map<String, Object> details,
        Optional<Media> media,
        Map<String, Object> fields) {
    private static final Set<String> MEDIA_TYPES = Set.of("image", "audio", "video", "document", "sticker");

    public InboundMessage {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(threadId, "threadId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(profileName, "profileName");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(username, "username");
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
        Objects.requireNonNull(media, "media");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /**
     * Reads the raw request body (verify its signature first). {@link IllegalArgumentException} when it is
     * not a JSON object or lacks {@code messageId}, {@code tenantId} or {@code type}.
     */
    public static InboundMessage parse(byte[] rawBody) {
        return parse(new String(rawBody, StandardCharsets.UTF_8));
    }

    public static InboundMessage parse(String json) {
        Map<String, Object> object = Json.parseObject(json);
        Fields f = Fields.of(object);
        String type = f.required("type");
        Map<String, Object> details = f.object(type).orElse(Map.of());
        Optional<Media> media =
                MEDIA_TYPES.contains(type) && !details.isEmpty() ? Optional.of(Media.from(details)) : Optional.empty();
        return new InboundMessage(
                f.textOrEmpty("from"),
                f.textOrEmpty("message"),
                f.textOrEmpty("role"),
                f.textOrEmpty("threadId"),
                f.required("messageId"),
                f.required("tenantId"),
                type,
                f.text("profileName"),
                f.text("receivedAt").flatMap(InboundMessage::instant),
                f.text("userId"),
                f.text("username"),
                details,
                media,
                object);
    }

    /** Whether the store's owner wrote (to the platform number), rather than a customer. */
    public boolean fromAdmin() {
        return "admin".equals(role);
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
