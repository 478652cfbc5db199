package com.vendin.whatsapp.ports.deadletter;

import java.util.List;

/** Use case: list the messages that could not be delivered, and try one again (CONTRACT §5.4). */
public interface ManageDeadLetters {

    /** Most recently given up first; {@code limit} is clamped to 1..500. */
    List<DeadLetter> list(int limit);

    /**
     * Puts dead letter {@code id} back in its queue with its attempts reset: a dead message ({@code in-<n>}, or
     * just {@code <n>}) in the delivery queue, a failed reply part ({@code out-<n>}) in the send queue;
     * {@code dead_letter_not_found} when there is no such dead letter.
     */
    void retry(String id);
}
