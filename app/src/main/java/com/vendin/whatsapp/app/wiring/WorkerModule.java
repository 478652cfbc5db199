package com.vendin.whatsapp.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.vendin.whatsapp.app.worker.DeliveryWorkers;
import com.vendin.whatsapp.app.worker.WorkSignal;
import com.vendin.whatsapp.ports.delivery.DeliverToTenants;
import com.vendin.whatsapp.ports.delivery.SendReplies;

/** The background workers that deliver recorded messages and send replies. */
final class WorkerModule extends AbstractModule {
    static final int DELIVERY_THREADS = 32;
    static final int SEND_THREADS = 32;

    @Provides
    @Singleton
    DeliveryWorkers workers(DeliverToTenants deliverToTenants, SendReplies sendReplies, WorkSignal signal) {
        return new DeliveryWorkers(deliverToTenants, sendReplies, signal, DELIVERY_THREADS, SEND_THREADS);
    }
}
