package com.vendin.whatsapp.app;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import com.vendin.whatsapp.app.config.GatewayConfig;
import com.vendin.whatsapp.app.wiring.Modules;
import com.vendin.whatsapp.app.worker.DeliveryWorkers;
import com.vendin.whatsapp.app.worker.StatusWorkers;
import com.vendin.whatsapp.http.GatewayHttpServer;
import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.db.DatabaseConfig;
import com.vendin.whatsapp.ports.delivery.DeliveryQueue;
import com.vendin.whatsapp.ports.status.StatusOutbox;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPooled;

/**
 * A running gateway: the production object graph, started in order (database migrated, leases of a
 * previous run freed, HTTP listening, workers running) and stopped in reverse.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final Injector injector;
    private final GatewayHttpServer http;
    private final DeliveryWorkers workers;
    private final StatusWorkers statusWorkers;
    private final Database database;

    private Gateway(Injector injector) {
        this.injector = injector;
        this.database = injector.getInstance(Database.class);
        this.http = injector.getInstance(GatewayHttpServer.class);
        this.workers = injector.getInstance(DeliveryWorkers.class);
        this.statusWorkers = injector.getInstance(StatusWorkers.class);
    }

    /** Builds the graph from {@code config} and starts everything; the port is bound when this returns. */
    public static Gateway start(GatewayConfig config) {
        return start(config, List.of());
    }

    /**
     * As {@link #start(GatewayConfig)}, with bindings of the production graph replaced by those of
     * {@code overrides} (tests replace the clock this way).
     */
    public static Gateway start(GatewayConfig config, Module... overrides) {
        return start(config, List.of(overrides));
    }

    /** Like {@link #start(GatewayConfig)}, with {@code overrides} replacing production bindings (the demo's sandbox). */
    public static Gateway start(GatewayConfig config, List<Module> overrides) {
        long started = System.nanoTime();
        Module modules = com.google.inject.util.Modules.override(Modules.production(config))
                .with(overrides);
        Gateway gateway = new Gateway(Guice.createInjector(Stage.DEVELOPMENT, modules));
        gateway.database.migrate();
        if (config.isSqlite()) {
            // Only with SQLite, which one process uses: on PostgreSQL other gateway processes may be delivering
            // right now, and freeing their leases would deliver their messages twice. There a lease of a process
            // that died simply runs out, and another process claims the message then.
            // Reply parts a previous run left leased keep their lease: a send may have reached the provider,
            // whose statuses (carrying the part's correlation id) record it; a part no status claims is
            // sent again when its lease runs out.
            int freed = gateway.injector.getInstance(DeliveryQueue.class).releaseLeases();
            if (freed > 0) {
                LOG.info("resuming {} deliveries that a previous run left in flight", freed);
            }
            // Statuses for tenants are posted at least once: one a previous run had in flight is posted again now.
            gateway.injector.getInstance(StatusOutbox.class).releaseLeases();
        }
        gateway.http.start();
        gateway.workers.start();
        gateway.statusWorkers.start();
        LOG.info(
                "whatsapp-gateway ready on port {} in {} ms ({}, platform provider {}, admin API {})",
                gateway.port(),
                Duration.ofNanos(System.nanoTime() - started).toMillis(),
                DatabaseConfig.redact(config.databaseUrl()),
                config.platformProvider().wireName(),
                config.adminToken().isPresent() ? "enabled" : "disabled (GATEWAY_ADMIN_TOKEN unset)");
        return gateway;
    }

    public int port() {
        return http.port();
    }

    /** An object of the running graph (tests reach repositories this way). */
    public <T> T instance(Class<T> type) {
        return injector.getInstance(type);
    }

    @Override
    public void close() {
        LOG.info("whatsapp-gateway stopping");
        http.stop();
        workers.stop(STOP_GRACE);
        statusWorkers.stop(STOP_GRACE);
        database.close();
        injector.getInstance(Key.get(new TypeLiteral<Optional<JedisPooled>>() {}))
                .ifPresent(JedisPooled::close);
    }
}
