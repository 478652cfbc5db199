package com.vendin.whatsapp.app.worker;

import com.vendin.whatsapp.ports.delivery.DeliverToTenants;
import com.vendin.whatsapp.ports.delivery.SendReplies;
import com.vendin.whatsapp.ports.delivery.WorkNotifier;
import java.time.Duration;

/**
 * The background work after a webhook is acknowledged: one dispatcher delivers recorded messages to
 * tenant instances, another sends the queued reply parts through the providers.
 */
public final class DeliveryWorkers implements WorkNotifier {
    private static final Duration POLL = Duration.ofMillis(250);

    private final Dispatcher<?> deliveries;
    private final Dispatcher<?> sends;

    public DeliveryWorkers(DeliverToTenants deliverToTenants, SendReplies sendReplies, int deliveryThreads,
                           int sendThreads) {
        this.deliveries = new Dispatcher<>("delivery", deliverToTenants::claimDue, deliverToTenants::deliver,
                deliveryThreads, POLL);
        this.sends = new Dispatcher<>("send", sendReplies::claimDue, sendReplies::send, sendThreads, POLL);
    }

    public void start() {
        deliveries.start();
        sends.start();
    }

    @Override
    public void workAvailable() {
        deliveries.signal();
        sends.signal();
    }

    public void stop(Duration grace) {
        deliveries.stop(grace);
        sends.stop(grace);
    }
}
