package com.vendin.whatsapp.persistence.db;

/**
 * What a write transaction is for, so that {@link Database} can count committed writes by purpose (the
 * per-message budget of the benchmark, {@code gateway_db_write_transactions_total} on {@code /metrics}).
 */
public enum WritePurpose {
    /** Recording a webhook's messages (and the statuses that came with them), and releasing their hold. */
    WEBHOOK("webhook"),
    /** Resolving the sender's person (and thread) while a webhook is routed. */
    IDENTITY("identity"),
    /** Claiming due deliveries to tenants. */
    CLAIM("claim"),
    /** A tenant call's outcome: forwarded with its reply parts, retry, or dead letter. */
    TENANT_RESULT("tenant_result"),
    /** Claiming due reply parts to send. */
    SEND_CLAIM("send_claim"),
    /** A send's outcome: accepted, retry, failed, media id. */
    SEND_RESULT("send_result"),
    /** A webhook that carried only delivery statuses. */
    STATUSES("statuses"),
    /** The outbox of status events to tenants: claims and outcomes. */
    STATUS_EVENTS("status_events"),
    /**
     * A change of tenants, their numbers, credentials or admin phones (administration, provisioning): when it
     * ends, {@link Database#tenantsChanged()} tells this process's caches of them.
     */
    TENANTS("tenants"),
    /** Everything else (administration, sends from the API, leases released at start-up, ...). */
    OTHER("other");

    private final String label;

    WritePurpose(String label) {
        this.label = label;
    }

    /** The metric label: lowercase with underscores. */
    public String label() {
        return label;
    }
}
