package com.vendin.whatsapp.app.worker;

import com.vendin.whatsapp.ports.delivery.DeliverToTenants;
import com.vendin.whatsapp.ports.delivery.SendReplies;
import java.time.Duration;

/**
 * The background work after a webhook is acknowledged: one dispatcher delivers recorded messages to
 * tenant instances, another sends the queued reply parts through the providers.
 */
public final class DeliveryWorkers {
    private static final Duration POLL = Duration.ofMillis(250);

    private final Dispatcher<?> deliveries;
    private final Dispatcher<?> sends;

    public DeliveryWorkers(
            DeliverToTenants deliverToTenants,
            SendReplies sendReplies,
            WorkSignal signal,
            int deliveryThreads,
            int sendThreads) {
        this.deliveries = new Dispatcher<>(
                "delivery", deliverToTenants::claimDue, deliverToTenants::deliver, deliveryThreads, POLL);
        this.sends = new Dispatcher<>("send", sendReplies::claimDue, sendReplies::send, sendThreads, POLL);
        signal.subscribe(this::wakeUp);
    }

    public void start() {
        deliveries.start();
        sends.start();
    }

    /** Makes both dispatchers look for work now. */
    public void wakeUp() {
        deliveries.signal();
        sends.signal();
    }

    public void stop(Duration grace) {
        deliveries.stop(grace);
        sends.stop(grace);
    }
}
