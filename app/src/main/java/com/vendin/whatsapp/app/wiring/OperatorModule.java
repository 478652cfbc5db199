package com.vendin.whatsapp.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.ProvidesIntoSet;
import com.vendin.whatsapp.http.GatewayHttpServer;
import com.vendin.whatsapp.http.RouteGroup;
import com.vendin.whatsapp.http.admin.OpenApiRoutes;
import com.vendin.whatsapp.http.admin.TenantListRoutes;
import com.vendin.whatsapp.http.console.ConsoleRoutes;
import com.vendin.whatsapp.ports.tenant.ManageTenants;

/** What operators use besides the core API: the web console, the OpenAPI document and the tenant list. */
final class OperatorModule extends AbstractModule {

    @ProvidesIntoSet
    RouteGroup openApiRoutes() {
        return new OpenApiRoutes();
    }

    @ProvidesIntoSet
    RouteGroup consoleRoutes() {
        return new ConsoleRoutes();
    }

    @ProvidesIntoSet
    RouteGroup tenantListRoutes(ManageTenants tenants) {
        return new TenantListRoutes(tenants, GatewayHttpServer.SHARED_MAPPER);
    }
}
