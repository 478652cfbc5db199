package com.vendin.whatsapp.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoSet;
import com.vendin.whatsapp.domain.deadletter.DeadLetterService;
import com.vendin.whatsapp.http.GatewayHttpServer;
import com.vendin.whatsapp.http.RouteGroup;
import com.vendin.whatsapp.http.admin.DeadLetterRoutes;
import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.deadletter.JdbiDeadLetterStore;
import com.vendin.whatsapp.ports.deadletter.DeadLetterStore;
import com.vendin.whatsapp.ports.deadletter.ManageDeadLetters;
import com.vendin.whatsapp.ports.delivery.WorkNotifier;
import java.time.Clock;

/** Dead letters (CONTRACT §5.4): their store, the use case, and the admin routes. */
final class DeadLetterModule extends AbstractModule {

    @Provides
    @Singleton
    DeadLetterStore deadLetterStore(Database db) {
        return new JdbiDeadLetterStore(db);
    }

    @Provides
    @Singleton
    ManageDeadLetters manageDeadLetters(DeadLetterStore store, WorkNotifier notifier, Clock clock) {
        return new DeadLetterService(store, notifier, clock);
    }

    @ProvidesIntoSet
    RouteGroup deadLetterRoutes(ManageDeadLetters deadLetters) {
        return new DeadLetterRoutes(deadLetters, GatewayHttpServer.SHARED_MAPPER);
    }
}
