package com.vendin.whatsapp.ports.inbound;

/**
 * Use case: route, deduplicate and durably record everything a verified webhook carried. When this
 * returns, every item is committed and the provider may be acknowledged; tenants are called later.
 */
public interface ReceiveWebhook {
    BatchReceipt receive(InboundBatch batch);
}
