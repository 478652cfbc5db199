package com.vendin.whatsapp.http.webhook;

import com.vendin.whatsapp.ports.inbound.InboundBatch;
import java.util.Objects;

/** A Meta webhook body turned into a batch, with how many malformed items were skipped. */
record ParsedPayload(InboundBatch batch, int skipped) {
    ParsedPayload {
        Objects.requireNonNull(batch, "batch");
    }

    boolean isEmpty() {
        return batch.isEmpty();
    }
}
