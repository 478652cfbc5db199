package com.vendin.whatsapp.ports.delivery;

/** Told when new work was queued, so workers need not wait for their next poll. */
@FunctionalInterface
public interface WorkNotifier {
    void workAvailable();
}
