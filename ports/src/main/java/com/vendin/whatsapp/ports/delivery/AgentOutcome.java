package com.vendin.whatsapp.ports.delivery;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What came of one call to a tenant instance (CONTRACT §3). */
public sealed interface AgentOutcome {

    /**
     * 2xx: the reply text, empty when the tenant chose not to answer; or, when it answered {@code {"messages"}}
     * (CONTRACT §3.1), the {@code items} in order and no text.
     */
    record Replied(Optional<String> text, List<OutboundContent> items) implements AgentOutcome {
        public Replied {
            Objects.requireNonNull(text, "text");
            items = List.copyOf(items);
        }

        /** A plain {@code {"text"}} answer. */
        public Replied(Optional<String> text) {
            this(text, List.of());
        }
    }

    /** 5xx, 408, 429, a timeout or a refused connection: try again later. */
    record Retryable(String reason) implements AgentOutcome {
        public Retryable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Any other 4xx: dead-letter at once. */
    record Rejected(String reason) implements AgentOutcome {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
