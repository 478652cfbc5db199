package com.vendin.whatsapp.http.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vendin.whatsapp.http.RouteGroup;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.query.BrowseMessages;
import com.vendin.whatsapp.ports.tenant.ManageTenants;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/** The admin API under {@code /api/v1} (CONTRACT §5.1, §5.4), behind the bearer-token check. */
public final class AdminRoutes implements RouteGroup {
    public static final String BASE = "/api/v1";

    private final AdminAuth auth;
    private final TenantHandlers tenants;

    public AdminRoutes(
            Optional<Secret> adminToken,
            ManageTenants manageTenants,
            BrowseMessages browseMessages,
            ObjectMapper mapper) {
        this.auth = new AdminAuth(adminToken);
        this.tenants = new TenantHandlers(manageTenants, browseMessages, mapper);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.before(this::authenticate);
        routes.post(BASE + "/tenants", tenants::create);
        routes.get(BASE + "/tenants/{id}", tenants::get);
        routes.patch(BASE + "/tenants/{id}", tenants::update);
        routes.delete(BASE + "/tenants/{id}", tenants::delete);
        routes.post(BASE + "/tenants/{id}/instance-secret", tenants::rotateSecret);
        routes.get(BASE + "/tenants/{id}/messages", tenants::messages);
        routes.get(BASE + "/unroutable", tenants::unroutable);
    }

    private void authenticate(Context ctx) {
        String path = ctx.path();
        if (path.equals(BASE) || path.startsWith(BASE + "/")) {
            if (TenantMessageRoutes.signedByTenant(ctx)) {
                auth.requireEnabled(); // the route checks the tenant's signature itself (CONTRACT §3.2)
                return;
            }
            auth.check(ctx);
        }
    }
}
