-- Changes of state of outbound parts, queued for their tenants (CONTRACT §3.4). A row is written in the
-- transaction that changes the part; the worker posts a part's rows in id order, one at a time.
-- state: pending (to post), delivered (the tenant took it), declined (the tenant answered 404: it does not
-- want this part's statuses; later rows of the part are recorded declined too), dead (retries ran out).
CREATE TABLE tenant_status_events (
    id              ${id_pk},
    part_id         BIGINT  NOT NULL,
    tenant_id       TEXT    NOT NULL,
    reply_to        TEXT,             -- the provider id of the inbound message the part answers
    status          TEXT    NOT NULL CHECK (status IN ('sent', 'delivered', 'read', 'failed')),
    error_code      TEXT,
    status_at       BIGINT  NOT NULL,
    state           TEXT    NOT NULL CHECK (state IN ('pending', 'delivered', 'declined', 'dead')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT,
    lease_until     BIGINT,
    last_error      TEXT,
    created_at      BIGINT  NOT NULL,
    updated_at      BIGINT  NOT NULL
);
CREATE INDEX idx_status_events_part_pending ON tenant_status_events (part_id, id) WHERE state = 'pending';
CREATE INDEX idx_status_events_due ON tenant_status_events (next_attempt_at, id) WHERE state = 'pending';
CREATE INDEX idx_status_events_part_declined ON tenant_status_events (part_id) WHERE state = 'declined';
