package com.vendin.whatsapp.ports.testing;

import com.vendin.whatsapp.ports.inbound.StandbyItem;
import com.vendin.whatsapp.ports.inbound.StandbyLog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A {@link StandbyLog} in memory: items in arrival order, a key recorded once. */
public final class InMemoryStandbyLog implements StandbyLog {
    private final List<StandbyItem> items = new ArrayList<>();
    private final Set<String> keys = new HashSet<>();

    @Override
    public synchronized int record(List<StandbyItem> batch) {
        int recorded = 0;
        for (StandbyItem item : batch) {
            if (keys.add(item.key())) {
                items.add(item);
                recorded++;
            }
        }
        return recorded;
    }

    public synchronized List<StandbyItem> items() {
        return List.copyOf(items);
    }
}
