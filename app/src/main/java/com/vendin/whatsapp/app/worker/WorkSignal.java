package com.vendin.whatsapp.app.worker;

import com.vendin.whatsapp.ports.delivery.WorkNotifier;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Passes "new work was queued" from the use cases to whichever workers listen (none until they start). */
public final class WorkSignal implements WorkNotifier {
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public void subscribe(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public void workAvailable() {
        for (Runnable listener : listeners) {
            listener.run();
        }
    }
}
