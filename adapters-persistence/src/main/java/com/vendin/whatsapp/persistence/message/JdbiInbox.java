package com.vendin.whatsapp.persistence.message;

import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.db.WritePurpose;
import com.vendin.whatsapp.ports.inbound.Inbox;
import com.vendin.whatsapp.ports.inbound.InboxEntry;
import com.vendin.whatsapp.ports.inbound.StatusUpdate;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The durable inbox in {@code inbound_messages}: a webhook's entries and statuses are committed in one
 * write transaction; a provider message id already recorded is skipped; a status for a part not yet
 * recorded as sent is kept in {@code early_statuses} for {@link JdbiOutboundQueue#markAccepted}. Built with a
 * hold (the gateway uses {@link #ACK_HOLD}), a new message is due only that much later, unless {@link #release}
 * (called once the provider has its answer) makes it due at once: no worker of any process calls a tenant before
 * the webhook was acknowledged, and a process that died between the commit and the release delays its messages
 * by the hold only. Built with {@link Acknowledgements}, a release writes nothing itself: the next claim of
 * deliveries ({@link JdbiDeliveryQueue}, built with the same object) lifts the holds in its own transaction.
 */
public final class JdbiInbox implements Inbox {
    /** How long a new message waits for the acknowledgement of its webhook before it is due anyway. */
    public static final Duration ACK_HOLD = Duration.ofSeconds(5);

    private final Database db;
    private final Clock clock;
    private final Duration hold;
    private final Optional<Acknowledgements> acknowledgements;

    /** An inbox whose new messages are due at once. */
    public JdbiInbox(Database db, Clock clock) {
        this(db, clock, Duration.ZERO);
    }

    /** An inbox whose new messages are due {@code hold} after they were recorded, or when released (one write each). */
    public JdbiInbox(Database db, Clock clock, Duration hold) {
        this(db, clock, hold, Optional.empty());
    }

    /**
     * An inbox whose new messages are due {@code hold} after they were recorded, or at the first claim of
     * {@code claims} after they were released.
     */
    public JdbiInbox(Database db, Clock clock, Duration hold, Acknowledgements claims) {
        this(db, clock, hold, Optional.of(claims));
    }

    private JdbiInbox(Database db, Clock clock, Duration hold, Optional<Acknowledgements> acknowledgements) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.hold = Objects.requireNonNull(hold, "hold");
        this.acknowledgements = acknowledgements;
    }

    @Override
    public Set<String> record(List<InboxEntry> entries, List<StatusUpdate> statuses) {
        long now = clock.millis();
        long heldUntil = now + hold.toMillis();
        List<InboundRow> rows = entries.stream()
                .map(entry -> InboundRow.of(entry, now, heldUntil))
                .toList();
        return db.inWrite(rows.isEmpty() ? WritePurpose.STATUSES : WritePurpose.WEBHOOK, handle -> {
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
    public void release(Collection<String> providerMessageIds) {
        if (hold.isZero()) {
            return;
        }
        List<String> ids = List.copyOf(new LinkedHashSet<>(providerMessageIds));
        if (acknowledgements.isPresent()) {
            acknowledgements.get().add(ids);
            return;
        }
        long now = clock.millis();
        db.useWrite(WritePurpose.WEBHOOK, handle -> Acknowledgements.lift(handle, ids, now));
    }

    @Override
    public Set<String> known(Collection<String> providerMessageIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(providerMessageIds));
        Set<String> known = new LinkedHashSet<>();
        for (List<String> chunk : InLists.chunks(ids)) {
            known.addAll(db.inRead(handle -> InboundDao.known(handle, chunk)));
        }
        return known;
    }
}
