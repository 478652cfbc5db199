package com.vendin.whatsapp.persistence.query;

import com.vendin.whatsapp.persistence.db.Database;
import java.util.Objects;

/** Figures for monitoring read from the message tables: queue depths and when an inbound message was recorded. */
public final class JdbiQueueStats {
    private final Database db;

    public JdbiQueueStats(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** Routed messages not yet delivered to their tenant ({@code received}, including those waiting to retry). */
    public long pendingDeliveries() {
        return db.inRead(h -> h.createQuery("SELECT COUNT(*) FROM inbound_messages WHERE state = 'received'")
                .mapTo(Long.class)
                .one());
    }

    /** Reply parts not yet accepted or given up by the provider. */
    public long pendingSends() {
        return db.inRead(h -> h.createQuery("SELECT COUNT(*) FROM outbound_messages WHERE state = 'pending'")
                .mapTo(Long.class)
                .one());
    }
}
