package com.vendin.whatsapp.persistence.message;

import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.ports.inbound.InboxEntry;
import com.vendin.whatsapp.ports.inbound.Inbox;
import com.vendin.whatsapp.ports.inbound.StatusUpdate;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The durable inbox in {@code inbound_messages}: a webhook's entries and statuses are committed in one
 * write transaction; a provider message id already recorded is skipped; a status for a part not yet
 * recorded as sent is kept in {@code early_statuses} for {@link JdbiOutboundQueue#markAccepted}.
 */
public final class JdbiInbox implements Inbox {
    private static final int IN_LIST_CHUNK = 500;

    private final Database db;
    private final Clock clock;

    public JdbiInbox(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Set<String> record(List<InboxEntry> entries, List<StatusUpdate> statuses) {
        long now = clock.millis();
        List<InboundRow> rows = entries.stream().map(entry -> InboundRow.of(entry, now)).toList();
        return db.inWrite(handle -> {
            Set<String> recorded = new LinkedHashSet<>();
            if (!rows.isEmpty()) {
                int[] counts = InboundDao.insert(handle, rows);
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] > 0) {
                        recorded.add(rows.get(i).providerMessageId());
                    }
                }
            }
            Statuses.apply(handle, statuses, now);
            return recorded;
        });
    }

    @Override
    public Set<String> known(Collection<String> providerMessageIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(providerMessageIds));
        Set<String> known = new LinkedHashSet<>();
        for (int from = 0; from < ids.size(); from += IN_LIST_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST_CHUNK));
            known.addAll(db.inRead(handle -> InboundDao.known(handle, chunk)));
        }
        return known;
    }
}
