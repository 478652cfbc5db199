package com.vendin.whatsapp.ports.inbound;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** The durable record of everything providers sent. */
public interface Inbox {

    /**
     * Records the entries (a provider message id already recorded is skipped) and applies the statuses
     * to the outbound parts they name, all in one transaction.
     *
     * @return the provider message ids that were newly recorded
     */
    Set<String> record(List<InboxEntry> entries, List<StatusUpdate> statuses);

    /** Which of these provider message ids are already recorded. */
    Set<String> known(Collection<String> providerMessageIds);

    /**
     * Makes the messages with these provider ids deliverable now. {@link #record} may hold new messages back
     * from the delivery workers for a few seconds, until the provider has been answered; a message that was
     * delivered, or is not held, is left as it is.
     */
    default void release(Collection<String> providerMessageIds) {}
}
