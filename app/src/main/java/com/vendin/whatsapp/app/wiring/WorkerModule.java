package com.vendin.whatsapp.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.vendin.whatsapp.app.config.GatewayConfig;
import com.vendin.whatsapp.app.worker.DeliveryWorkers;
import com.vendin.whatsapp.app.worker.WorkSignal;
import com.vendin.whatsapp.app.worker.WorkerSizes;
import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.db.DatabaseConfig;
import com.vendin.whatsapp.ports.delivery.DeliverToTenants;
import com.vendin.whatsapp.ports.delivery.SendReplies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The background workers that deliver recorded messages and send replies, sized by {@link WorkerSizes}. */
final class WorkerModule extends AbstractModule {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerModule.class);

    @Provides
    @Singleton
    WorkerSizes workerSizes(GatewayConfig config, Database db) {
        DatabaseConfig database = db.config();
        // An in-memory SQLite database keeps exactly one connection (DataSources).
        int connections = database.isInMemory() ? 1 : database.maxPoolSize();
        WorkerSizes sizes =
                WorkerSizes.derive(Runtime.getRuntime().availableProcessors(), connections, config.workers());
        LOG.info("workers: {}", sizes.describe(config.workers()));
        return sizes;
    }

    @Provides
    @Singleton
    DeliveryWorkers workers(
            DeliverToTenants deliverToTenants, SendReplies sendReplies, WorkSignal signal, WorkerSizes sizes) {
        return new DeliveryWorkers(deliverToTenants, sendReplies, signal, sizes.delivery(), sizes.send());
    }
}
