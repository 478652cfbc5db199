package com.vendin.whatsapp.persistence.message;

import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.testing.Backend;
import com.vendin.whatsapp.persistence.testing.MutableClock;
import com.vendin.whatsapp.persistence.testing.Sql;
import com.vendin.whatsapp.persistence.testing.TestDatabases;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.delivery.ReplyRoute;
import com.vendin.whatsapp.ports.inbound.DeliveryStatus;
import com.vendin.whatsapp.ports.inbound.InboxEntry;
import com.vendin.whatsapp.ports.inbound.StatusUpdate;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The three message adapters over one test database, with shortcuts to reach a given state. */
final class MessageStore implements AutoCloseable {
    static final ReplyRoute ROUTE =
            new ReplyRoute(Provider.FACEBOOK, false, Optional.of("109876543210"), "5511988887777");

    final Database db;
    final MutableClock clock = new MutableClock(TestDatabases.T0);
    final JdbiInbox inbox;
    final JdbiDeliveryQueue deliveries;
    final JdbiOutboundQueue outbound;

    MessageStore(Backend backend, Path dir) {
        db = backend.migrated(dir);
        inbox = new JdbiInbox(db, clock);
        deliveries = new JdbiDeliveryQueue(db);
        outbound = new JdbiOutboundQueue(db);
    }

    void record(InboxEntry... entries) {
        inbox.record(List.of(entries), List.of());
    }

    void statuses(StatusUpdate... updates) {
        inbox.record(List.of(), List.of(updates));
    }

    long inboundId(String providerMessageId) {
        return Sql.number(db, "SELECT id FROM inbound_messages WHERE provider_message_id = ?", providerMessageId);
    }

    String inboundState(String providerMessageId) {
        return Sql.string(db, "SELECT state FROM inbound_messages WHERE provider_message_id = ?", providerMessageId);
    }

    String partState(long partId) {
        return Sql.string(db, "SELECT state FROM outbound_messages WHERE id = ?", partId);
    }

    String partErrorCode(long partId) {
        return Sql.string(db, "SELECT error_code FROM outbound_messages WHERE id = ?", partId);
    }

    List<Long> partIds(String inboundProviderMessageId) {
        return db.inRead(h -> h.createQuery("SELECT id FROM outbound_messages WHERE inbound_id = ? ORDER BY part_index")
                .bind(0, inboundId(inboundProviderMessageId))
                .mapTo(Long.class)
                .list());
    }

    /** Completes the delivery of a recorded message (claiming it first) with these reply parts. */
    void deliver(String providerMessageId, String... parts) {
        long id = inboundId(providerMessageId);
        Sql.exec(db, "UPDATE inbound_messages SET lease_until = NULL WHERE id = ?", id);
        deliveries.complete(id, ROUTE, List.of(parts), now());
    }

    /** A part sent and accepted by the provider as {@code wamid}. */
    long acceptedPart(String inboundProviderId, String wamid) {
        deliver(inboundProviderId, "reply to " + inboundProviderId);
        long part = partIds(inboundProviderId).get(0);
        outbound.markAccepted(part, wamid, now());
        return part;
    }

    Instant now() {
        return clock.instant();
    }

    static StatusUpdate status(String wamid, DeliveryStatus status) {
        boolean failed = status == DeliveryStatus.FAILED;
        return new StatusUpdate(
                Provider.FACEBOOK,
                wamid,
                status,
                TestDatabases.T0,
                failed ? Optional.of("131026") : Optional.empty(),
                failed ? Optional.of("Message undeliverable") : Optional.empty());
    }

    @Override
    public void close() {
        db.close();
    }
}
