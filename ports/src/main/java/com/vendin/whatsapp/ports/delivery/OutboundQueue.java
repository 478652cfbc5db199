package com.vendin.whatsapp.ports.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The durable queue of reply parts waiting to be sent through a provider. */
public interface OutboundQueue {

    /**
     * Claims up to {@code limit} due {@code pending} parts for {@code lease}; only the earliest unsent part
     * of each thread is claimable, so parts and replies leave in order.
     */
    List<PendingPart> claimDue(Instant now, Duration lease, int limit);

    /**
     * The provider accepted the part: it becomes {@code sent} with the provider's id (a status that
     * already arrived for that id is kept if further along), and when every part of the reply is
     * accepted the inbound message becomes {@code replied}.
     */
    void markAccepted(long partId, String providerMessageId, Instant now);

    /**
     * Keeps the provider's id of the media uploaded for a part still {@code pending}, before the part is sent:
     * a later attempt sends that id and never uploads again.
     */
    void recordMediaId(long partId, String mediaId, Instant now);

    /** Counts a failed attempt and makes the part due again at {@code nextAttemptAt}. */
    void retryLater(long partId, Instant nextAttemptAt, String errorCode, Instant now);

    /** The provider refused the part for good: {@code failed} with its code. */
    void markFailed(long partId, String errorCode, String detail, Instant now);

    /**
     * Frees every lease; returns how many. Start-up does not use it: a part leased by a crashed run may have
     * reached the provider, and waits for its lease to run out so the provider's statuses can record it first.
     */
    int releaseLeases();
}
