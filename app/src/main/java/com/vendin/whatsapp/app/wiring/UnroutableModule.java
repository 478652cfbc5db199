package com.vendin.whatsapp.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoSet;
import com.vendin.whatsapp.domain.PlatformAccount;
import com.vendin.whatsapp.domain.routing.Router;
import com.vendin.whatsapp.domain.unroutable.UnroutableRetryService;
import com.vendin.whatsapp.http.GatewayHttpServer;
import com.vendin.whatsapp.http.RouteGroup;
import com.vendin.whatsapp.http.admin.UnroutableRetryRoutes;
import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.message.JdbiUnroutableStore;
import com.vendin.whatsapp.ports.delivery.WorkNotifier;
import com.vendin.whatsapp.ports.identity.PersonDirectory;
import com.vendin.whatsapp.ports.tenant.TenantDirectory;
import com.vendin.whatsapp.ports.unroutable.RetryUnroutable;
import com.vendin.whatsapp.ports.unroutable.UnroutableStore;
import java.time.Clock;

/** Replaying unroutable messages (CONTRACT §5.4): their store, the use case, and the admin route. */
final class UnroutableModule extends AbstractModule {

    @Provides
    @Singleton
    UnroutableStore unroutableStore(Database db) {
        return new JdbiUnroutableStore(db);
    }

    @Provides
    @Singleton
    RetryUnroutable retryUnroutable(
            UnroutableStore store,
            TenantDirectory directory,
            PlatformAccount platform,
            PersonDirectory persons,
            WorkNotifier notifier,
            Clock clock) {
        return new UnroutableRetryService(store, new Router(directory, platform, persons), notifier, clock);
    }

    @ProvidesIntoSet
    RouteGroup unroutableRetryRoutes(RetryUnroutable retry) {
        return new UnroutableRetryRoutes(retry, GatewayHttpServer.SHARED_MAPPER);
    }
}
