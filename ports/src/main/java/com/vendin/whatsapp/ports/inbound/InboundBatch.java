package com.vendin.whatsapp.ports.inbound;

import java.util.List;

/**
 * Everything one webhook request carried, in payload order: messages to route, statuses, identity changes
 * (system messages, never forwarded) and {@code standby} messages (a conversation held by Meta's own
 * agent: recorded, never forwarded or answered).
 */
public record InboundBatch(
        List<InboundMessage> messages,
        List<StatusUpdate> statuses,
        List<IdentityChange> identityChanges,
        List<StandbyItem> standby) {
    public InboundBatch {
        messages = List.copyOf(messages);
        statuses = List.copyOf(statuses);
        identityChanges = List.copyOf(identityChanges);
        standby = List.copyOf(standby);
    }

    /** A batch of messages and statuses only. */
    public InboundBatch(List<InboundMessage> messages, List<StatusUpdate> statuses) {
        this(messages, statuses, List.of(), List.of());
    }

    /** Whether the batch carries nothing to record. */
    public boolean isEmpty() {
        return messages.isEmpty() && statuses.isEmpty() && identityChanges.isEmpty() && standby.isEmpty();
    }
}
