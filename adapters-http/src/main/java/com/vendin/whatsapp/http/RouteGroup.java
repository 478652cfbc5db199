package com.vendin.whatsapp.http;

import io.javalin.config.RoutesConfig;

/**
 * A set of routes served by the gateway's HTTP server (a webhook, a part of the admin API). Routes under
 * {@code /api/v1} are behind the admin bearer-token check whichever group registers them; handlers throw
 * {@link com.vendin.whatsapp.ports.common.GatewayRejection} and the server maps it to an error response.
 */
@FunctionalInterface
public interface RouteGroup {
    void register(RoutesConfig routes);
}
