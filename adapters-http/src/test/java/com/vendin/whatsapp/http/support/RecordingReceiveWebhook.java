package com.vendin.whatsapp.http.support;

import com.vendin.whatsapp.ports.inbound.BatchReceipt;
import com.vendin.whatsapp.ports.inbound.InboundBatch;
import com.vendin.whatsapp.ports.inbound.InboundMessage;
import com.vendin.whatsapp.ports.inbound.ReceiveWebhook;
import com.vendin.whatsapp.ports.inbound.StatusUpdate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link ReceiveWebhook} that records every batch, or throws when told to. */
public final class RecordingReceiveWebhook implements ReceiveWebhook {
    private final List<InboundBatch> batches = new CopyOnWriteArrayList<>();
    private volatile RuntimeException failure;

    @Override
    public BatchReceipt receive(InboundBatch batch) {
        if (failure != null) {
            throw failure;
        }
        batches.add(batch);
        return new BatchReceipt(
                batch.messages().size(), 0, 0, 0, batch.statuses().size());
    }

    public void failWith(RuntimeException e) {
        this.failure = e;
    }

    public void clear() {
        batches.clear();
    }

    public List<InboundBatch> batches() {
        return List.copyOf(batches);
    }

    public List<InboundMessage> messages() {
        return batches.stream().flatMap(b -> b.messages().stream()).toList();
    }

    public List<StatusUpdate> statuses() {
        return batches.stream().flatMap(b -> b.statuses().stream()).toList();
    }
}
