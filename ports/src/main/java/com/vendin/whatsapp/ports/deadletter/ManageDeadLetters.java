package com.vendin.whatsapp.ports.deadletter;

import java.util.List;

/** Use case: list the messages that could not be delivered, and try one again (CONTRACT §5.4). */
public interface ManageDeadLetters {

    /** Most recently given up first; {@code limit} is clamped to 1..500. */
    List<DeadLetter> list(int limit);

    /**
     * Puts dead letter {@code id} ({@code in-<n>}, or just {@code <n>}) back in the delivery queue with its
     * attempts reset; {@code dead_letter_not_found} when there is no such dead letter.
     */
    void retry(String id);
}
