package com.vendin.whatsapp.persistence.message;

import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.db.Dialect;
import com.vendin.whatsapp.persistence.db.WritePurpose;
import com.vendin.whatsapp.ports.delivery.ClaimCaps;
import com.vendin.whatsapp.ports.delivery.DeliveryQueue;
import com.vendin.whatsapp.ports.delivery.OutboundContent;
import com.vendin.whatsapp.ports.delivery.PendingDelivery;
import com.vendin.whatsapp.ports.delivery.ReplyRoute;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routed inbound messages waiting for their tenants. A claim is one write transaction (select the due
 * thread heads, at most a given number per tenant counting the leases it holds, and lease them), so
 * concurrent claimers never share a message and one tenant never holds every worker; on PostgreSQL the rows
 * are taken with {@code FOR UPDATE SKIP LOCKED}, so claimers of several processes never lease one row twice,
 * and a lease that runs out (its process died) makes the message claimable again. Every transition applies
 * only to a message still {@code received} and still under the lease its worker was given: a worker whose lease
 * ran out and whose message was claimed again, here or in another process, changes nothing and queues no
 * second reply.
 */
public final class JdbiDeliveryQueue implements DeliveryQueue {
    private static final Logger LOG = LoggerFactory.getLogger(JdbiDeliveryQueue.class);
    static final int MAX_ERROR_CHARS = 2000;
    /** Claims of all processes take turns on it (briefly), so each counts every lease a tenant holds. */
    static final String CLAIM_LOCK = "inbound-claim";

    private static final int MIN_PAGE = 64;
    private static final int MAX_PAGE = 4096;

    private final Database db;
    /**
     * The lease end of each message this process claimed and has not finished: its fencing token. A later
     * claim (after the lease ran out) always sets a later end, so a worker whose lease ran out and was claimed
     * again, here or by another process, changes nothing; only the current holder decides.
     */
    private final Map<Long, Long> leases = new ConcurrentHashMap<>();

    private final Acknowledgements acknowledgements;

    public JdbiDeliveryQueue(Database db) {
        this(db, new Acknowledgements());
    }

    /** @param acknowledgements holds to lift at the start of every claim (shared with the {@link JdbiInbox}) */
    public JdbiDeliveryQueue(Database db, Acknowledgements acknowledgements) {
        this.db = Objects.requireNonNull(db, "db");
        this.acknowledgements = Objects.requireNonNull(acknowledgements, "acknowledgements");
    }

    @Override
    public List<PendingDelivery> claimDue(Instant now, Duration lease, int limit, ClaimCaps caps) {
        if (limit <= 0) {
            return List.of();
        }
        long at = now.toEpochMilli();
        long leaseUntil = at + lease.toMillis();
        List<String> acknowledged = acknowledgements.drain();
        List<PendingDelivery> claimed;
        try {
            claimed =
                    db.inWrite(WritePurpose.CLAIM, handle -> claim(handle, acknowledged, at, leaseUntil, limit, caps));
        } catch (RuntimeException e) {
            acknowledgements.giveBack(acknowledged);
            throw e;
        }
        claimed.forEach(delivery -> leases.put(delivery.id(), leaseUntil));
        return claimed;
    }

    private static List<PendingDelivery> claim(
            Handle handle, List<String> acknowledged, long at, long leaseUntil, int limit, ClaimCaps caps) {
        if (!acknowledged.isEmpty()) {
            Acknowledgements.lift(handle, acknowledged, at);
        }
        if (Dialect.of(handle) == Dialect.POSTGRES) {
            Dialect.lock(handle, CLAIM_LOCK);
        }
        List<Long> ids = chooseHeads(handle, at, limit, caps);
        if (ids.isEmpty()) {
            return List.<PendingDelivery>of();
        }
        if (Dialect.of(handle) == Dialect.POSTGRES) {
            ids = InboundDao.leaseSkippingLocked(handle, ids, at, leaseUntil);
            if (ids.isEmpty()) {
                return List.<PendingDelivery>of();
            }
        } else {
            InboundDao.lease(handle, ids, leaseUntil);
        }
        return InboundDao.pending(handle, ids);
    }

    /**
     * The oldest due thread heads within {@code caps}, counting the leases each tenant already holds: pages through
     * the due messages in order ({@link InboundDao#DUE_PAGE}), skips those that are not their thread's head, and
     * the heads of tenants at their cap (and of tenants not prompt once their total is taken).
     */
    private static List<Long> chooseHeads(Handle handle, long now, int limit, ClaimCaps caps) {
        Map<String, Integer> held = new HashMap<>(InboundDao.heldLeases(handle, now));
        Map<String, Boolean> prompt = new HashMap<>();
        int others = 0;
        List<Long> chosen = new ArrayList<>(limit);
        int page = Math.max(2 * limit, MIN_PAGE);
        long afterDue = Long.MIN_VALUE;
        long afterId = Long.MIN_VALUE;
        while (chosen.size() < limit) {
            List<InboundDao.DueRow> rows = InboundDao.duePage(handle, now, afterDue, afterId, page);
            for (InboundDao.DueRow row : rows) {
                if (!row.head()) {
                    continue;
                }
                int leases = held.getOrDefault(row.tenantId(), 0);
                boolean isPrompt = prompt.computeIfAbsent(
                        row.tenantId(),
                        id -> TenantId.isValid(id) && caps.prompt().test(new TenantId(id)));
                if (leases < caps.capFor(isPrompt) && (isPrompt || others < caps.othersTotal())) {
                    held.put(row.tenantId(), leases + 1);
                    others += isPrompt ? 0 : 1;
                    chosen.add(row.id());
                    if (chosen.size() == limit) {
                        return chosen;
                    }
                }
            }
            if (rows.size() < page) {
                return chosen;
            }
            InboundDao.DueRow last = rows.get(rows.size() - 1);
            afterDue = last.nextAttemptAt();
            afterId = last.id();
            // A backlog of messages that are not their thread's head (behind one that waits to be retried): fewer
            // round trips through it, each still bounded.
            page = Math.min(2 * page, MAX_PAGE);
        }
        return chosen;
    }

    @Override
    public void completeWith(long id, ReplyRoute route, List<OutboundContent> replyParts, Instant now) {
        long at = now.toEpochMilli();
        Long lease = leases.remove(id);
        // Encoded before the write: on SQLite one thread runs every write of the process in turn.
        List<PartRow> parts = PartRow.of(id, route, replyParts, at);
        db.useWrite(WritePurpose.TENANT_RESULT, handle -> {
            if (InboundDao.forward(handle, id, lease, at) == 0) {
                LOG.warn(
                        "inbound message {} is not waiting for delivery any more, or its lease ran out and it was "
                                + "claimed again; its reply is not queued",
                        id);
                return;
            }
            if (!parts.isEmpty()) {
                OutboundDao.insertParts(handle, parts);
            }
        });
    }

    @Override
    public void retryLater(long id, Instant nextAttemptAt, String error, Instant now) {
        Long lease = leases.remove(id);
        db.useWrite(
                WritePurpose.TENANT_RESULT,
                handle -> ignoredUnlessChanged(
                        id,
                        "retry",
                        handle.attach(InboundDao.class)
                                .retryLater(id, lease, nextAttemptAt.toEpochMilli(), clip(error), now.toEpochMilli())));
    }

    @Override
    public void deadLetter(long id, String error, Instant now) {
        Long lease = leases.remove(id);
        db.useWrite(
                WritePurpose.TENANT_RESULT,
                handle -> ignoredUnlessChanged(
                        id,
                        "dead-letter",
                        handle.attach(InboundDao.class).deadLetter(id, lease, clip(error), now.toEpochMilli())));
    }

    /**
     * Frees every lease. Only for a database one process uses (SQLite) at start-up: with several processes on
     * one PostgreSQL database it would take live processes' messages away from them.
     */
    @Override
    public int releaseLeases() {
        return db.inWrite(handle -> handle.attach(InboundDao.class).releaseLeases());
    }

    static String clip(String text) {
        return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS);
    }

    private static void ignoredUnlessChanged(long id, String what, int changed) {
        if (changed == 0) {
            LOG.warn(
                    "inbound message {} is not waiting for delivery any more, or its lease ran out and it was "
                            + "claimed again; {} ignored",
                    id,
                    what);
        }
    }
}
