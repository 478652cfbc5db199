package com.vendin.whatsapp.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.ProvidesIntoSet;
import com.vendin.whatsapp.app.metrics.GatewayMetrics;
import com.vendin.whatsapp.app.metrics.MetricsRoutes;
import com.vendin.whatsapp.http.RouteGroup;
import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.db.WritePurpose;
import com.vendin.whatsapp.persistence.query.JdbiQueueStats;

/**
 * Prometheus meters, the queue-depth gauges read from the database, the database's count of committed
 * writes, and {@code GET /metrics}.
 */
final class MetricsModule extends AbstractModule {

    @Provides
    @Singleton
    GatewayMetrics gatewayMetrics(JdbiQueueStats stats, Database db) {
        GatewayMetrics metrics = new GatewayMetrics();
        metrics.queueDepth("deliveries", stats::pendingDeliveries);
        metrics.queueDepth("sends", stats::pendingSends);
        for (WritePurpose purpose : WritePurpose.values()) {
            metrics.writeTransactions(purpose.label(), () -> db.committedWrites(purpose));
        }
        metrics.databaseCommits(db::databaseCommits);
        return metrics;
    }

    @Provides
    @Singleton
    JdbiQueueStats queueStats(Database db) {
        return new JdbiQueueStats(db);
    }

    @ProvidesIntoSet
    RouteGroup metricsRoutes(GatewayMetrics metrics) {
        return new MetricsRoutes(metrics);
    }
}
