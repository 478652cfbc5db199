package com.vendin.whatsapp.ports.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The durable queue of status events for tenants. The events are recorded by the outbound queue in the
 * transaction that changes a part's state; only the earliest pending event of a part is claimable, so a
 * part's statuses reach its tenant in order.
 */
public interface StatusOutbox {

    /** Leases up to {@code limit} due events, each the earliest pending one of its part. */
    List<TenantStatusEvent> claimDue(Instant now, Duration lease, int limit);

    void markDelivered(long eventId, Instant now);

    void retryLater(long eventId, Instant nextAttemptAt, String error, Instant now);

    /** Gives up on the event after its last attempt; the part's later events go on. */
    void markDead(long eventId, String error, Instant now);

    /** The tenant does not want this part's statuses: this event, the part's pending ones and any later ones are dropped. */
    void decline(long eventId, Instant now);

    /** Frees every lease (at start-up, when no other process shares the database); returns how many. */
    int releaseLeases();
}
