package com.vendin.whatsapp.persistence.query;

import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.ports.query.MessageQueries;
import com.vendin.whatsapp.ports.query.MessageView;
import com.vendin.whatsapp.ports.query.UnroutableView;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.util.List;
import java.util.Objects;

/**
 * Operators' view of the message tables. Inbound rows are {@code in-<id>} ({@code from} as the provider
 * spelled the sender, {@code to} the number written to); outbound parts are {@code out-<id>} ({@code from}
 * the number the message came in on, {@code to} the sender as spelled, {@code inReplyTo} the
 * {@code in-<id>} they answer).
 */
public final class JdbiMessageQueries implements MessageQueries {
    private final Database db;

    public JdbiMessageQueries(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public List<MessageView> forTenant(TenantId tenantId, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return db.inRead(handle -> handle.attach(MessageQueryDao.class).forTenant(tenantId.value(), limit));
    }

    @Override
    public List<UnroutableView> unroutable(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return db.inRead(handle -> handle.attach(MessageQueryDao.class).unroutable(limit));
    }
}
