package com.vendin.whatsapp.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoSet;
import com.vendin.whatsapp.domain.send.TenantMessageService;
import com.vendin.whatsapp.http.GatewayHttpServer;
import com.vendin.whatsapp.http.RouteGroup;
import com.vendin.whatsapp.http.admin.TenantMessageRoutes;
import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.send.JdbiSendStore;
import com.vendin.whatsapp.ports.delivery.MediaProbe;
import com.vendin.whatsapp.ports.delivery.WorkNotifier;
import com.vendin.whatsapp.ports.identity.PersonDirectory;
import com.vendin.whatsapp.ports.send.SendMessages;
import com.vendin.whatsapp.ports.send.SendStore;
import com.vendin.whatsapp.ports.send.TenantSigningKeys;
import com.vendin.whatsapp.ports.tenant.Tenant;
import com.vendin.whatsapp.ports.tenant.TenantRepository;
import java.time.Clock;

/** Tenant-initiated messages (CONTRACT §3.2): their store, the use case, the tenants' signing keys and the route. */
final class SendModule extends AbstractModule {

    @Provides
    @Singleton
    SendStore sendStore(Database db) {
        return new JdbiSendStore(db);
    }

    @Provides
    @Singleton
    SendMessages sendMessages(
            TenantRepository tenants,
            PersonDirectory persons,
            SendStore store,
            WorkNotifier notifier,
            Clock clock,
            MediaProbe media) {
        return new TenantMessageService(tenants, persons, store, notifier, clock, media);
    }

    @Provides
    @Singleton
    TenantSigningKeys tenantSigningKeys(TenantRepository tenants) {
        return id -> tenants.findById(id).map(Tenant::instanceSecret);
    }

    @ProvidesIntoSet
    RouteGroup tenantMessageRoutes(SendMessages sendMessages, TenantSigningKeys keys, Clock clock) {
        return new TenantMessageRoutes(sendMessages, keys, clock, GatewayHttpServer.SHARED_MAPPER);
    }
}
