package com.vendin.whatsapp.ports.common;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A business rejection that crosses a port: what kind it is, a stable snake_case code
 * ({@code tenant_not_found}, {@code invalid_phone_number}, ...) and a human sentence.
 * The HTTP adapter maps {@link Kind} to a status code in one place.
 */
public class GatewayRejection extends RuntimeException {
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*");
    private static final long serialVersionUID = 1L;

    /** What sort of rejection this is; each maps to one HTTP status. */
    public enum Kind {
        INVALID, // 400
        UNAUTHORIZED, // 401
        NOT_FOUND, // 404
        CONFLICT, // 409
        TOO_LARGE, // 413
        TOO_MANY, // 429
        PROVIDER_ERROR, // 502
        UNAVAILABLE // 503
    }

    private final Kind kind;
    private final String code;
    private final String providerCode;

    public GatewayRejection(Kind kind, String code, String message) {
        this(kind, code, message, null);
    }

    public GatewayRejection(Kind kind, String code, String message, String providerCode) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = Objects.requireNonNull(code, "code");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("rejection codes are snake_case: " + code);
        }
        this.providerCode = providerCode;
    }

    public static GatewayRejection invalid(String code, String message) {
        return new GatewayRejection(Kind.INVALID, code, message);
    }

    public static GatewayRejection notFound(String code, String message) {
        return new GatewayRejection(Kind.NOT_FOUND, code, message);
    }

    public static GatewayRejection conflict(String code, String message) {
        return new GatewayRejection(Kind.CONFLICT, code, message);
    }

    public static GatewayRejection tooMany(String code, String message) {
        return new GatewayRejection(Kind.TOO_MANY, code, message);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    /** The provider's own error code, for {@link Kind#PROVIDER_ERROR}. */
    public Optional<String> providerCode() {
        return Optional.ofNullable(providerCode);
    }
}
