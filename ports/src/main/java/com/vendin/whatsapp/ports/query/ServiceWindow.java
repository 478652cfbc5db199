package com.vendin.whatsapp.ports.query;

import java.time.Instant;
import java.util.Objects;

/**
 * The 24-hour customer-service window of a customer's thread (CONTRACT §3.2): {@code until} is the provider
 * timestamp of the customer's last message plus 24 hours; while {@code open}, anything may be sent, after it only
 * templates.
 */
public record ServiceWindow(Instant until, boolean open) {
    public ServiceWindow {
        Objects.requireNonNull(until, "until");
    }
}
