package com.vendin.whatsapp.ports.status;

import java.util.Objects;

/** What came of posting one status to a tenant. */
public sealed interface NotifyOutcome {

    /** 2xx. */
    record Accepted() implements NotifyOutcome {}

    /** 404: the tenant does not take statuses. */
    record Declined() implements NotifyOutcome {}

    /** 5xx, 408, 429, a timeout or a refused connection. */
    record Retryable(String reason) implements NotifyOutcome {
        public Retryable {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Any other answer: not retried. */
    record Rejected(String reason) implements NotifyOutcome {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
