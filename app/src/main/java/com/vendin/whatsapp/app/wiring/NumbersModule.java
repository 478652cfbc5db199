package com.vendin.whatsapp.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoSet;
import com.vendin.whatsapp.domain.numbers.NumberPoolService;
import com.vendin.whatsapp.http.GatewayHttpServer;
import com.vendin.whatsapp.http.RouteGroup;
import com.vendin.whatsapp.http.admin.NumberPoolRoutes;
import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.numbers.JdbiNumberPool;
import com.vendin.whatsapp.ports.numbers.ManageNumberPool;
import com.vendin.whatsapp.ports.numbers.NumberPool;
import java.time.Clock;

/** Provisioning of store numbers (CONTRACT §5.3): the number pool, Embedded Signup and Twilio subaccounts. */
final class NumbersModule extends AbstractModule {

    @Provides
    @Singleton
    NumberPool numberPool(Database db) {
        return new JdbiNumberPool(db);
    }

    @Provides
    @Singleton
    ManageNumberPool manageNumberPool(NumberPool pool, Clock clock) {
        return new NumberPoolService(pool, clock);
    }

    @ProvidesIntoSet
    RouteGroup poolRoutes(ManageNumberPool pool) {
        return new NumberPoolRoutes(pool, GatewayHttpServer.SHARED_MAPPER);
    }
}
