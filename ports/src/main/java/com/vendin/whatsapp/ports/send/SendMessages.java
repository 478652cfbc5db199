package com.vendin.whatsapp.ports.send;

/**
 * Use case: a tenant (or an operator for it) sends messages to one of its customers on its own initiative
 * (CONTRACT §3.2). The parts are queued with the replies, so they leave in order per thread, exactly once.
 */
public interface SendMessages {

    /**
     * Queues the request's items for sending; rejects with {@code tenant_not_found}, {@code tenant_has_no_number},
     * {@code invalid_recipient}, {@code invalid_message}, {@code reply_to_not_found} or
     * {@code outside_service_window}. A request with an idempotency key already used by this tenant within
     * 24 hours queues nothing and returns the first request's receipt.
     */
    SendReceipt send(SendRequest request);
}
