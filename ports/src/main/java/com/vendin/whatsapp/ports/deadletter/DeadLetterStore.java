package com.vendin.whatsapp.ports.deadletter;

import java.time.Instant;
import java.util.List;

/**
 * The dead-lettered inbound messages and the reply parts that failed at their provider: listed for operators and
 * put back in their queue on demand.
 */
public interface DeadLetterStore {

    /** The newest {@code limit} dead messages and failed parts, most recently given up first. */
    List<DeadLetter> list(int limit);

    /**
     * Makes dead message {@code inboundId} due for delivery again at {@code now} with its attempts reset;
     * false when no dead message has that id.
     */
    boolean requeue(long inboundId, Instant now);

    /**
     * Makes reply part {@code partId}, which failed without the provider accepting it, due to be sent again at
     * {@code now} with its attempts reset; false when no such failed part exists (a part the provider accepted
     * is never sent again).
     */
    default boolean requeuePart(long partId, Instant now) {
        return false;
    }
}
