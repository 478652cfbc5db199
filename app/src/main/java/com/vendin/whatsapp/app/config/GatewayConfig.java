package com.vendin.whatsapp.app.config;

import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The whole configuration (CONTRACT §1), read once from environment variables and validated:
 * an unknown {@code GATEWAY_*} variable or a malformed value stops start-up with a message naming it.
 */
public record GatewayConfig(
        int port,
        String databaseUrl,
        Optional<URI> redisUrl,
        Optional<URI> publicUrl,
        Optional<Secret> adminToken,
        Optional<byte[]> secretKey,
        int rateLimitPerMinute,
        int deliveryMaxAttempts,
        boolean typingIndicator,
        Workers workers,
        Provider platformProvider,
        Meta meta,
        Twilio twilio,
        Otp otp) {

    public static final Set<String> KNOWN_GATEWAY_VARIABLES = Set.of(
            "GATEWAY_PORT",
            "GATEWAY_DATABASE_URL",
            "GATEWAY_PUBLIC_URL",
            "GATEWAY_ADMIN_TOKEN",
            "GATEWAY_SECRET_KEY",
            "GATEWAY_RATE_LIMIT_PER_MINUTE",
            "GATEWAY_DELIVERY_MAX_ATTEMPTS",
            "GATEWAY_TYPING_INDICATOR",
            "GATEWAY_DELIVERY_WORKERS",
            "GATEWAY_SEND_WORKERS",
            "GATEWAY_STATUS_WORKERS");

    /** The most workers of one kind a variable may ask for. */
    public static final int MAX_WORKERS = 1024;

    /**
     * Worker counts set by {@code GATEWAY_DELIVERY_WORKERS}, {@code GATEWAY_SEND_WORKERS} and {@code
     * GATEWAY_STATUS_WORKERS}; empty = derived from the machine and the database at start-up.
     */
    public record Workers(Optional<Integer> delivery, Optional<Integer> send, Optional<Integer> status) {
        public static Workers derived() {
            return new Workers(Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /** The platform's Meta app and number. */
    public record Meta(
            Optional<String> appId,
            Optional<Secret> appSecret,
            Optional<String> verifyToken,
            URI graphUrl,
            Optional<PhoneNumber> platformNumber,
            Optional<String> platformPhoneId,
            Optional<Secret> platformAccessToken) {}

    /** The Twilio main account and, when {@code WHATSAPP_PROVIDER=twilio}, the platform number. */
    public record Twilio(
            Optional<String> accountSid, Optional<Secret> authToken, Optional<PhoneNumber> whatsappFrom, URI apiUrl) {}

    /** How verification codes are sent. */
    public record Otp(Optional<String> metaTemplate, String metaTemplateLanguage, Optional<String> twilioContentSid) {}

    /** The effective public base URL: {@code GATEWAY_PUBLIC_URL}, else {@code http://localhost:<port>}. */
    public URI publicUrlFor(int actualPort) {
        return publicUrl.orElse(URI.create("http://localhost:" + actualPort));
    }

    public boolean isSqlite() {
        return databaseUrl.startsWith("jdbc:sqlite:");
    }

    public static GatewayConfig fromEnvironment(Map<String, String> environment) {
        Env env = new Env(environment);
        reportUnknownGatewayVariables(environment, env);
        int port = env.integer("GATEWAY_PORT", 8080, 0, 65535);
        String databaseUrl = env.string("GATEWAY_DATABASE_URL", "jdbc:sqlite:gateway.db");
        if (!databaseUrl.startsWith("jdbc:sqlite:") && !databaseUrl.startsWith("jdbc:postgresql:")) {
            env.problem(
                    "GATEWAY_DATABASE_URL must be a JDBC URL of SQLite or PostgreSQL, such as jdbc:sqlite:gateway.db "
                            + "or jdbc:postgresql://host:5432/gateway?user=...&password=...");
        }
        Optional<byte[]> key = env.string("GATEWAY_SECRET_KEY")
                .map(v -> env.parse(
                        "GATEWAY_SECRET_KEY",
                        v,
                        GatewayConfig::decodeKey,
                        "the base64 of 32 random bytes (openssl rand -base64 32)"));
        if (key.isEmpty()
                && !databaseUrl.startsWith("jdbc:sqlite:")
                && env.string("GATEWAY_SECRET_KEY").isEmpty()) {
            env.problem("GATEWAY_SECRET_KEY is required with a database other than SQLite");
        }
        GatewayConfig config = new GatewayConfig(
                port,
                databaseUrl,
                env.url("REDIS_URL", "redis", "rediss"),
                env.url("GATEWAY_PUBLIC_URL", "http", "https"),
                env.secret("GATEWAY_ADMIN_TOKEN"),
                key,
                env.integer("GATEWAY_RATE_LIMIT_PER_MINUTE", 20, 1, 1_000_000),
                env.integer("GATEWAY_DELIVERY_MAX_ATTEMPTS", 8, 1, 1000),
                env.bool("GATEWAY_TYPING_INDICATOR", true),
                new Workers(
                        // Delivery needs 2: half of them stay free for tenants that answer promptly.
                        env.optionalInteger("GATEWAY_DELIVERY_WORKERS", 2, MAX_WORKERS),
                        env.optionalInteger("GATEWAY_SEND_WORKERS", 1, MAX_WORKERS),
                        env.optionalInteger("GATEWAY_STATUS_WORKERS", 1, MAX_WORKERS)),
                env.choice("WHATSAPP_PROVIDER", Provider::fromWire, "facebook or twilio")
                        .orElse(Provider.FACEBOOK),
                new Meta(
                        env.string("FACEBOOK_APP_ID"),
                        env.secret("FACEBOOK_APP_SECRET"),
                        env.string("FACEBOOK_WEBHOOK_VERIFY_TOKEN"),
                        env.url("FACEBOOK_GRAPH_URL", "http", "https")
                                .orElse(URI.create("https://graph.facebook.com/v25.0")),
                        env.phone("VENDIN_WHATSAPP_NUMBER"),
                        env.string("VENDIN_WHATSAPP_PHONE_ID"),
                        env.secret("VENDIN_WHATSAPP_ACCESS_TOKEN")),
                new Twilio(
                        env.string("TWILIO_ACCOUNT_SID"),
                        env.secret("TWILIO_AUTH_TOKEN"),
                        env.phone("TWILIO_WHATSAPP_FROM"),
                        env.url("TWILIO_API_URL", "http", "https").orElse(URI.create("https://api.twilio.com"))),
                new Otp(
                        env.string("WHATSAPP_OTP_TEMPLATE"),
                        env.string("WHATSAPP_OTP_TEMPLATE_LANGUAGE", "en_US"),
                        env.string("TWILIO_OTP_CONTENT_SID")));
        if (!env.problems().isEmpty()) {
            throw new ConfigException(env.problems());
        }
        return config;
    }

    private static void reportUnknownGatewayVariables(Map<String, String> environment, Env env) {
        List<String> unknown = new ArrayList<>();
        for (String name : new TreeSet<>(environment.keySet())) {
            if (name.startsWith("GATEWAY_") && !KNOWN_GATEWAY_VARIABLES.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            env.problem("unknown variable" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                    + "; the known GATEWAY_ variables are "
                    + String.join(", ", new TreeSet<>(KNOWN_GATEWAY_VARIABLES)));
        }
    }

    private static byte[] decodeKey(String base64) {
        byte[] key = Base64.getDecoder().decode(base64);
        if (key.length != 32) {
            throw new IllegalArgumentException("wrong length");
        }
        return key;
    }

    @Override
    public String toString() {
        return "GatewayConfig[port=" + port + ", databaseUrl=" + databaseUrl + ", provider="
                + platformProvider.wireName() + ", adminApi=" + (adminToken.isPresent() ? "enabled" : "disabled") + "]";
    }
}
