package com.vendin.whatsapp.app.wiring;

import com.google.inject.Module;
import com.vendin.whatsapp.app.config.GatewayConfig;
import java.util.List;

/** The production module list, in one place for the gateway and for tests that boot it. */
public final class Modules {
    private Modules() {}

    public static List<Module> production(GatewayConfig config) {
        return List.of(
                new ConfigModule(config),
                new PersistenceModule(),
                new AdaptersModule(),
                new DomainModule(),
                new TwilioModule(),
                new WorkerModule(),
                new RedisModule(),
                new DeadLetterModule(),
                new NumbersModule(),
                new AdminPhoneModule(),
                new MetricsModule(),
                new OperatorModule(),
                new UnroutableModule(),
                new MediaModule(),
                new StatusModule(),
                new SendModule());
    }
}
