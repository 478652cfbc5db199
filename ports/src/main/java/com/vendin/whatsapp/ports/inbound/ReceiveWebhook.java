package com.vendin.whatsapp.ports.inbound;

/**
 * Use case: route, deduplicate and durably record everything a verified webhook carried. When this
 * returns, every item is committed and the provider may be acknowledged; tenants are called later,
 * once {@link #acknowledged} says the provider has its answer.
 */
public interface ReceiveWebhook {
    BatchReceipt receive(InboundBatch batch);

    /**
     * Called after the provider's answer to {@code batch} was written: hands the messages it recorded to the
     * delivery workers. Until then (or until a short hold runs out, when this is never called) they are kept
     * from the workers, so no tenant is called before the provider has its 2xx (CONTRACT §2.1).
     */
    default void acknowledged(InboundBatch batch, BatchReceipt receipt) {}
}
