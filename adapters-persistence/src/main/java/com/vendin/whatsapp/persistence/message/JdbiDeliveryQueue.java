package com.vendin.whatsapp.persistence.message;

import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.ports.delivery.DeliveryQueue;
import com.vendin.whatsapp.ports.delivery.PendingDelivery;
import com.vendin.whatsapp.ports.delivery.ReplyRoute;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routed inbound messages waiting for their tenants. A claim is one write transaction (select the due
 * thread heads, at most a given number per tenant counting the leases it holds, and lease them), so
 * concurrent claimers never share a message and one tenant never holds every worker. Every transition applies
 * only to a message still {@code received}: a worker whose lease ran out and whose message was
 * meanwhile finished by another worker changes nothing and queues no second reply.
 */
public final class JdbiDeliveryQueue implements DeliveryQueue {
    private static final Logger LOG = LoggerFactory.getLogger(JdbiDeliveryQueue.class);
    static final int MAX_ERROR_CHARS = 2000;

    private static final int MIN_PAGE = 64;

    private final Database db;

    public JdbiDeliveryQueue(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public List<PendingDelivery> claimDue(Instant now, Duration lease, int limit, int perTenant) {
        if (limit <= 0 || perTenant <= 0) {
            return List.of();
        }
        long at = now.toEpochMilli();
        return db.inWrite(handle -> {
            InboundDao inbound = handle.attach(InboundDao.class);
            List<Long> ids = chooseHeads(inbound, at, limit, perTenant);
            if (ids.isEmpty()) {
                return List.of();
            }
            inbound.lease(ids, at + lease.toMillis());
            return inbound.pending(ids);
        });
    }

    /**
     * The oldest due thread heads, at most {@code perTenant} per tenant counting the leases it already
     * holds: pages through the due index in order and skips the heads of tenants at their cap.
     */
    private static List<Long> chooseHeads(InboundDao inbound, long now, int limit, int perTenant) {
        Map<String, Integer> held = new HashMap<>(inbound.heldLeases(now));
        List<Long> chosen = new ArrayList<>(limit);
        int page = Math.max(2 * limit, MIN_PAGE);
        long afterDue = Long.MIN_VALUE;
        long afterId = Long.MIN_VALUE;
        while (chosen.size() < limit) {
            List<InboundDao.DueHead> heads = inbound.dueHeads(now, afterDue, afterId, page);
            for (InboundDao.DueHead head : heads) {
                int leases = held.getOrDefault(head.tenantId(), 0);
                if (leases < perTenant) {
                    held.put(head.tenantId(), leases + 1);
                    chosen.add(head.id());
                    if (chosen.size() == limit) {
                        return chosen;
                    }
                }
            }
            if (heads.size() < page) {
                return chosen;
            }
            InboundDao.DueHead last = heads.get(heads.size() - 1);
            afterDue = last.nextAttemptAt();
            afterId = last.id();
        }
        return chosen;
    }

    @Override
    public void complete(long id, ReplyRoute route, List<String> replyParts, Instant now) {
        long at = now.toEpochMilli();
        db.useWrite(handle -> {
            if (handle.attach(InboundDao.class).forward(id, at) == 0) {
                LOG.warn("inbound message {} is not waiting for delivery any more; its reply is not queued", id);
                return;
            }
            if (!replyParts.isEmpty()) {
                handle.attach(OutboundDao.class).insertParts(PartRow.of(id, route, replyParts, at));
            }
        });
    }

    @Override
    public void retryLater(long id, Instant nextAttemptAt, String error, Instant now) {
        db.useWrite(handle -> ignoredUnlessChanged(id, "retry", handle.attach(InboundDao.class)
                .retryLater(id, nextAttemptAt.toEpochMilli(), clip(error), now.toEpochMilli())));
    }

    @Override
    public void deadLetter(long id, String error, Instant now) {
        db.useWrite(handle -> ignoredUnlessChanged(id, "dead-letter", handle.attach(InboundDao.class)
                .deadLetter(id, clip(error), now.toEpochMilli())));
    }

    @Override
    public int releaseLeases() {
        return db.inWrite(handle -> handle.attach(InboundDao.class).releaseLeases());
    }

    static String clip(String text) {
        return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS);
    }

    private static void ignoredUnlessChanged(long id, String what, int changed) {
        if (changed == 0) {
            LOG.warn("inbound message {} is not waiting for delivery any more; {} ignored", id, what);
        }
    }
}
