package com.vendin.whatsapp.persistence.message;

import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.ports.inbound.InboundMessage;
import com.vendin.whatsapp.ports.inbound.RoutingDecision;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.unroutable.UnroutableStore;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code unroutable} rows of {@code inbound_messages}. Routing one is one conditional update of its own row,
 * so its provider message id stays unique (never delivered twice) and two retries at once route it once. The
 * reason it was unroutable is kept on the row.
 */
public final class JdbiUnroutableStore implements UnroutableStore {
    private static final String FIND = "SELECT provider, provider_message_id, from_raw, to_phone_id, to_number, "
            + "provider_ts, type, text, details_json, profile_name, user_id, username FROM inbound_messages "
            + "WHERE id = :id AND state = 'unroutable'";
    private static final String ROUTE = "UPDATE inbound_messages SET state = 'received', tenant_id = :tenantId, "
            + "role = :role, thread_id = :threadId, sender_phone = :senderPhone, attempts = 0, next_attempt_at = :now, "
            + "lease_until = NULL, updated_at = :now WHERE id = :id AND state = 'unroutable'";

    private final Database db;

    public JdbiUnroutableStore(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public Optional<InboundMessage> find(long inboundId) {
        return db.inRead(handle -> handle.createQuery(FIND)
                .bind("id", inboundId)
                .map((rs, ctx) -> PendingDeliveryMapper.message(rs))
                .findOne());
    }

    @Override
    public boolean route(long inboundId, RoutingDecision.Routed decision, Instant now) {
        return db.inWrite(handle -> handle.createUpdate(ROUTE)
                        .bind("id", inboundId)
                        .bind("tenantId", decision.tenantId().value())
                        .bind("role", decision.role().wireName())
                        .bind("threadId", decision.threadId())
                        .bind(
                                "senderPhone",
                                decision.phone().map(PhoneNumber::e164).orElse(null))
                        .bind("now", now.toEpochMilli())
                        .execute())
                > 0;
    }
}
