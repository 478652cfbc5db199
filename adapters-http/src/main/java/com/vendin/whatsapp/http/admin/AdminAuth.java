package com.vendin.whatsapp.http.admin;

import com.vendin.whatsapp.http.common.Hmac;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.common.Secret;
import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;

/** The admin API's bearer-token check: no token configured disables the API; a missing or wrong token is a 401. */
final class AdminAuth {
    private static final String BEARER = "bearer ";

    private final Optional<Secret> adminToken;

    AdminAuth(Optional<Secret> adminToken) {
        this.adminToken = adminToken;
    }

    void check(Context ctx) {
        requireEnabled();
        String header = ctx.header("Authorization");
        boolean bearer = header != null
                && header.length() > BEARER.length()
                && header.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER);
        String given = bearer ? header.substring(BEARER.length()).trim() : null;
        if (!Hmac.constantTimeEquals(adminToken.get().reveal(), given)) {
            throw new GatewayRejection(
                    GatewayRejection.Kind.UNAUTHORIZED, "unauthorized", "A valid bearer token is required.");
        }
    }

    /** The admin API answers 503 while no token is configured (CONTRACT §1), also to tenant-signed calls. */
    void requireEnabled() {
        if (adminToken.isEmpty()) {
            throw new GatewayRejection(
                    GatewayRejection.Kind.UNAVAILABLE,
                    "admin_api_disabled",
                    "The admin API is disabled: GATEWAY_ADMIN_TOKEN is not set.");
        }
    }
}
