package com.vendin.whatsapp.http;

import com.vendin.whatsapp.ports.common.Secret;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the HTTP server: the port ({@code 0} = any free port), the Meta app secret and webhook
 * verify token, the admin API bearer token, and the largest webhook body accepted.
 */
public record HttpConfig(
        int port,
        Optional<Secret> facebookAppSecret,
        Optional<String> facebookVerifyToken,
        Optional<Secret> adminToken,
        long maxWebhookBytes) {

    /** 4 MiB: larger webhook bodies are answered 413 (CONTRACT §2.1). */
    public static final long DEFAULT_MAX_WEBHOOK_BYTES = 4L * 1024 * 1024;

    public HttpConfig {
        Objects.requireNonNull(facebookAppSecret, "facebookAppSecret");
        Objects.requireNonNull(facebookVerifyToken, "facebookVerifyToken");
        Objects.requireNonNull(adminToken, "adminToken");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        if (maxWebhookBytes < 1) {
            throw new IllegalArgumentException("maxWebhookBytes must be positive: " + maxWebhookBytes);
        }
        facebookVerifyToken = facebookVerifyToken.filter(token -> !token.isBlank());
    }

    /** The given port and secrets, with the default 4 MiB webhook limit. */
    public HttpConfig(
            int port,
            Optional<Secret> facebookAppSecret,
            Optional<String> facebookVerifyToken,
            Optional<Secret> adminToken) {
        this(port, facebookAppSecret, facebookVerifyToken, adminToken, DEFAULT_MAX_WEBHOOK_BYTES);
    }

    @Override
    public String toString() {
        return "HttpConfig[port=" + port
                + ", facebookAppSecret=" + facebookAppSecret.map(s -> "***").orElse("unset")
                + ", facebookVerifyToken=" + facebookVerifyToken.map(s -> "***").orElse("unset")
                + ", adminToken=" + adminToken.map(s -> "***").orElse("unset")
                + ", maxWebhookBytes=" + maxWebhookBytes + "]";
    }
}
