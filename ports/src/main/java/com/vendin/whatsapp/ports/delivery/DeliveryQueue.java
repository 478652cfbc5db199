package com.vendin.whatsapp.ports.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The durable queue of routed inbound messages waiting to reach their tenants. */
public interface DeliveryQueue {

    /**
     * Claims up to {@code limit} due messages ({@code received}, next attempt time passed, lease free) for
     * {@code lease}. Only the head of each thread (tenant + thread, in provider timestamp order, then
     * arrival order) is ever claimable, so a thread's messages go one at a time and in order.
     */
    default List<PendingDelivery> claimDue(Instant now, Duration lease, int limit) {
        return claimDue(now, lease, limit, Integer.MAX_VALUE);
    }

    /**
     * Claims like {@link #claimDue(Instant, Duration, int)}, but never so many that one tenant holds more
     * than {@code perTenant} unexpired leases: a slow or hanging tenant cannot take every worker.
     */
    default List<PendingDelivery> claimDue(Instant now, Duration lease, int limit, int perTenant) {
        return perTenant <= 0 ? List.of() : claimDue(now, lease, limit, ClaimCaps.uniform(perTenant));
    }

    /**
     * Claims like {@link #claimDue(Instant, Duration, int)} within {@code caps}: a tenant that is not prompt holds
     * at most {@code caps.othersPerTenant()} leases and this claim takes at most {@code caps.othersTotal()} messages
     * of such tenants, so any number of slow or hanging tenants leave workers for the others. Heads a cap rules out
     * are skipped, not waited for: younger heads of other tenants are taken instead.
     */
    List<PendingDelivery> claimDue(Instant now, Duration lease, int limit, ClaimCaps caps);

    /**
     * The tenant accepted the message: it becomes {@code forwarded} and the reply parts (possibly none)
     * are queued, in one transaction.
     */
    default void complete(long id, ReplyRoute route, List<String> replyParts, Instant now) {
        completeWith(
                id,
                route,
                replyParts.stream()
                        .<OutboundContent>map(OutboundContent.Text::new)
                        .toList(),
                now);
    }

    /** Like {@link #complete}, with reply parts of any kind (CONTRACT §3.1), sent in this order. */
    void completeWith(long id, ReplyRoute route, List<OutboundContent> replyParts, Instant now);

    /** Counts a failed attempt and makes the message due again at {@code nextAttemptAt}. */
    void retryLater(long id, Instant nextAttemptAt, String error, Instant now);

    /** Counts a failed attempt and gives the message up ({@code dead}). */
    void deadLetter(long id, String error, Instant now);

    /** Frees every lease (start-up of the only instance using this store); returns how many. */
    int releaseLeases();
}
