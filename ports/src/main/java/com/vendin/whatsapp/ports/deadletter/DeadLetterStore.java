package com.vendin.whatsapp.ports.deadletter;

import java.time.Instant;
import java.util.List;

/** The dead-lettered inbound messages: listed for operators and put back in the delivery queue on demand. */
public interface DeadLetterStore {

    /** The newest {@code limit} dead messages, most recently given up first. */
    List<DeadLetter> list(int limit);

    /**
     * Makes dead message {@code inboundId} due for delivery again at {@code now} with its attempts reset;
     * false when no dead message has that id.
     */
    boolean requeue(long inboundId, Instant now);
}
