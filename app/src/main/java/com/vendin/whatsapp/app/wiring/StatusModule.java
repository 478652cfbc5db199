package com.vendin.whatsapp.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.vendin.whatsapp.app.worker.StatusWorkers;
import com.vendin.whatsapp.app.worker.WorkSignal;
import com.vendin.whatsapp.app.worker.WorkerSizes;
import com.vendin.whatsapp.domain.delivery.RetryPolicy;
import com.vendin.whatsapp.domain.status.StatusNotificationService;
import com.vendin.whatsapp.http.tenant.SignedStatusClient;
import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.message.JdbiStatusOutbox;
import com.vendin.whatsapp.ports.status.NotifyTenantsOfStatuses;
import com.vendin.whatsapp.ports.status.StatusNotifier;
import com.vendin.whatsapp.ports.status.StatusOutbox;
import com.vendin.whatsapp.ports.tenant.TenantRepository;
import java.time.Clock;
import okhttp3.OkHttpClient;

/** Statuses for tenants (CONTRACT §3.4): the outbox, the signed client, the use case and its worker. */
final class StatusModule extends AbstractModule {
    @Provides
    @Singleton
    StatusOutbox statusOutbox(Database db) {
        return new JdbiStatusOutbox(db);
    }

    @Provides
    @Singleton
    StatusNotifier statusNotifier(OkHttpClient client, Clock clock) {
        return new SignedStatusClient(client, clock);
    }

    @Provides
    @Singleton
    NotifyTenantsOfStatuses notifyTenantsOfStatuses(
            StatusOutbox outbox,
            @MessagePath TenantRepository tenants,
            StatusNotifier notifier,
            RetryPolicy retry,
            Clock clock) {
        return new StatusNotificationService(outbox, tenants, notifier, retry, clock);
    }

    @Provides
    @Singleton
    StatusWorkers statusWorkers(NotifyTenantsOfStatuses notify, WorkSignal signal, WorkerSizes sizes) {
        return new StatusWorkers(notify, signal, sizes.status());
    }
}
