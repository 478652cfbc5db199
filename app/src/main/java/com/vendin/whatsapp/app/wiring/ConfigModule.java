package com.vendin.whatsapp.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import com.vendin.whatsapp.app.config.GatewayConfig;
import com.vendin.whatsapp.app.worker.WorkSignal;
import com.vendin.whatsapp.ports.delivery.WorkNotifier;
import java.time.Clock;
import java.util.Objects;

/** Binds the validated configuration, the clock and the work signal shared by every other module. */
final class ConfigModule extends AbstractModule {
    private final GatewayConfig config;

    ConfigModule(GatewayConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    protected void configure() {
        bind(GatewayConfig.class).toInstance(config);
        bind(Clock.class).toInstance(Clock.systemUTC());
        bind(WorkSignal.class).in(Singleton.class);
        bind(WorkNotifier.class).to(WorkSignal.class);
    }
}
