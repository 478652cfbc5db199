package com.vendin.whatsapp.ports.inbound;

import java.util.List;

/** Everything one webhook request carried: messages and statuses, in payload order. */
public record InboundBatch(List<InboundMessage> messages, List<StatusUpdate> statuses) {
    public InboundBatch {
        messages = List.copyOf(messages);
        statuses = List.copyOf(statuses);
    }
}
