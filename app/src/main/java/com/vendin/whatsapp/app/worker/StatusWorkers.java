package com.vendin.whatsapp.app.worker;

import com.vendin.whatsapp.ports.status.NotifyTenantsOfStatuses;
import java.time.Duration;

/** The background work that posts parts' changes of state to their tenants (CONTRACT §3.4). */
public final class StatusWorkers {
    private static final Duration POLL = Duration.ofMillis(250);

    private final Dispatcher<?> statuses;

    public StatusWorkers(NotifyTenantsOfStatuses notify, WorkSignal signal, int threads) {
        this.statuses = new Dispatcher<>("status", notify::claimDue, notify::notify, threads, POLL);
        signal.subscribe(statuses::signal);
    }

    public void start() {
        statuses.start();
    }

    public void stop(Duration grace) {
        statuses.stop(grace);
    }
}
