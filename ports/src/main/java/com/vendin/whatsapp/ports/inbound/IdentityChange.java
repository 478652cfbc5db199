package com.vendin.whatsapp.ports.inbound;

import com.vendin.whatsapp.ports.common.Provider;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A provider's notice that a person's identity changed (Meta {@code system} messages of type
 * {@code user_changed_user_id} or {@code user_changed_number}, CONTRACT §2.4): the person written to
 * {@code to}, known by {@code previousPhone} (as the provider spelled it) or {@code previousUserId}, is
 * from now on {@code newPhone} and/or {@code newUserId}. Never forwarded as a message.
 */
public record IdentityChange(
        Provider provider,
        String providerMessageId,
        Destination to,
        Kind kind,
        Optional<String> previousPhone,
        Optional<String> previousUserId,
        Optional<String> newPhone,
        Optional<String> newUserId,
        Instant timestamp) {

    /** Which system message announced it. */
    public enum Kind {
        USER_CHANGED_USER_ID("user_changed_user_id"),
        USER_CHANGED_NUMBER("user_changed_number");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Optional<Kind> fromWire(String name) {
            for (Kind kind : values()) {
                if (kind.wireName.equals(name)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    public IdentityChange {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(previousPhone, "previousPhone");
        Objects.requireNonNull(previousUserId, "previousUserId");
        Objects.requireNonNull(newPhone, "newPhone");
        Objects.requireNonNull(newUserId, "newUserId");
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
