package com.vendin.whatsapp.app.wiring;

import java.time.Duration;
import java.util.Objects;

/**
 * Whether the typing indicator is shown ({@code GATEWAY_TYPING_INDICATOR}, CONTRACT §3.5) and how often it is
 * renewed while a tenant answers (20 s; tests bind a shorter interval).
 */
public record TypingSettings(boolean enabled, Duration interval) {
    public TypingSettings {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the typing interval must be positive: " + interval);
        }
    }
}
