package com.vendin.whatsapp.ports.delivery;

import java.util.Objects;

/** What a provider said to one send (CONTRACT §4). */
public sealed interface SendOutcome {

    /** Accepted, with the provider's message id ({@code wamid...}, {@code SM...}). */
    record Accepted(String providerMessageId) implements SendOutcome {
        public Accepted {
            Objects.requireNonNull(providerMessageId, "providerMessageId");
        }
    }

    /**
     * Not accepted. {@code code} is the provider's error code (or {@code http_<status>}, {@code network});
     * {@code retryable} per CONTRACT §4; {@code reauthRequired} for Meta code 190.
     */
    record Failed(String code, String detail, boolean retryable, boolean reauthRequired) implements SendOutcome {
        public Failed {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
