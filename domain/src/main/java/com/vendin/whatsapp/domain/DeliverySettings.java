package com.vendin.whatsapp.domain;

/**
 * How hard the gateway tries and how much it lets through.
 *
 * @param maxAttempts        {@code GATEWAY_DELIVERY_MAX_ATTEMPTS}: tries per message (to a tenant, or per reply part
 *                           to a provider) before giving up
 * @param rateLimitPerMinute {@code GATEWAY_RATE_LIMIT_PER_MINUTE}: inbound messages per sender per sliding minute
 *                           that are forwarded
 */
public record DeliverySettings(int maxAttempts, int rateLimitPerMinute) {
    public static final int DEFAULT_MAX_ATTEMPTS = 8;
    public static final int DEFAULT_RATE_LIMIT_PER_MINUTE = 20;

    public DeliverySettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        if (rateLimitPerMinute < 1) {
            throw new IllegalArgumentException("rateLimitPerMinute must be at least 1: " + rateLimitPerMinute);
        }
    }

    /** 8 attempts, 20 messages per sender per minute (CONTRACT §1). */
    public static DeliverySettings defaults() {
        return new DeliverySettings(DEFAULT_MAX_ATTEMPTS, DEFAULT_RATE_LIMIT_PER_MINUTE);
    }
}
