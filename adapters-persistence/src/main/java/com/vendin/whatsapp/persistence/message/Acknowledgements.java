package com.vendin.whatsapp.persistence.message;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jdbi.v3.core.Handle;

/**
 * Messages of this process whose webhook was acknowledged and whose hold ({@link JdbiInbox#ACK_HOLD}) is not lifted
 * yet. Lifting a hold is a write, but not one that must happen before anything else: it only matters to the next
 * claim of deliveries. So {@link JdbiInbox#release} leaves the ids here and {@link JdbiDeliveryQueue#claimDue}
 * lifts them in its own write transaction, in one statement, before it chooses what is due (issue 15: one write per
 * webhook instead of two). Ids still here when the process stops are delivered when their hold runs out, as after
 * a crash between the commit and the acknowledgement.
 */
public final class Acknowledgements {
    private static final String RELEASE = "UPDATE inbound_messages SET next_attempt_at = :now "
            + "WHERE provider_message_id IN (<ids>) AND state = 'received' AND attempts = 0 AND next_attempt_at > :now";

    private final Queue<String> acknowledged = new ConcurrentLinkedQueue<>();

    /** The webhook that carried these was answered: their hold may be lifted. */
    public void add(Collection<String> providerMessageIds) {
        acknowledged.addAll(providerMessageIds);
    }

    /** Whether some hold waits to be lifted. */
    boolean isEmpty() {
        return acknowledged.isEmpty();
    }

    /** Takes every id waiting; the caller lifts their holds or gives them back. */
    List<String> drain() {
        List<String> ids = new ArrayList<>();
        for (String id; (id = acknowledged.poll()) != null; ) {
            ids.add(id);
        }
        return ids;
    }

    /** Puts back ids whose holds could not be lifted (their write rolled back). */
    void giveBack(List<String> ids) {
        acknowledged.addAll(ids);
    }

    /** Lifts the holds of {@code ids} inside the caller's write transaction. */
    static void lift(Handle handle, List<String> ids, long now) {
        InLists.update(handle, RELEASE, ids, now);
    }
}
