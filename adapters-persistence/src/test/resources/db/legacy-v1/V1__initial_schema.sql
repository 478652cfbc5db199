-- Control-plane schema. Portable shapes: TEXT, BIGINT epoch milliseconds, BOOLEAN, partial indexes.
-- SQLite-only here: INTEGER PRIMARY KEY AUTOINCREMENT (PostgreSQL will get its own V1 with identity columns).

CREATE TABLE tenants (
    id                    TEXT    PRIMARY KEY,
    subdomain             TEXT    NOT NULL UNIQUE,
    instance_url          TEXT    NOT NULL,
    instance_secret       TEXT    NOT NULL,              -- encrypted (CredentialCipher)
    whatsapp_phone_number TEXT    UNIQUE,                -- canonical E.164; NULL = no number
    whatsapp_phone_id     TEXT,
    whatsapp_provider     TEXT    NOT NULL DEFAULT 'facebook' CHECK (whatsapp_provider IN ('facebook', 'twilio')),
    whatsapp_access_token TEXT,                          -- encrypted
    twilio_account_sid    TEXT,
    twilio_auth_token     TEXT,                          -- encrypted
    whatsapp_status       TEXT    NOT NULL DEFAULT 'active' CHECK (whatsapp_status IN ('active', 'reauth_required')),
    whatsapp_verified_at  BIGINT,
    created_at            BIGINT  NOT NULL,
    updated_at            BIGINT  NOT NULL
);
CREATE INDEX idx_tenants_whatsapp_phone_id ON tenants (whatsapp_phone_id);

CREATE TABLE tenant_admins (
    id                TEXT   PRIMARY KEY,
    tenant_id         TEXT   NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    user_id           TEXT   NOT NULL,
    phone             TEXT   NOT NULL UNIQUE,            -- canonical E.164
    role              TEXT   NOT NULL DEFAULT 'owner',
    phone_verified_at BIGINT NOT NULL,
    created_at        BIGINT NOT NULL
);
CREATE INDEX idx_tenant_admins_tenant ON tenant_admins (tenant_id);

CREATE TABLE whatsapp_number_pool (
    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
    phone_number       TEXT    NOT NULL UNIQUE,          -- canonical E.164
    phone_id           TEXT,
    status             TEXT    NOT NULL DEFAULT 'available' CHECK (status IN ('available', 'assigned', 'reserved')),
    assigned_tenant_id TEXT    REFERENCES tenants (id) ON DELETE SET NULL,
    created_at         BIGINT  NOT NULL,
    updated_at         BIGINT  NOT NULL
);
CREATE INDEX idx_number_pool_status ON whatsapp_number_pool (status);
CREATE INDEX idx_number_pool_tenant ON whatsapp_number_pool (assigned_tenant_id);

-- tenant_id has no foreign key on purpose: what providers sent is kept after its tenant is deleted,
-- and deleting a tenant never rewrites its (possibly many) message rows inside one write transaction.
CREATE TABLE inbound_messages (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    provider            TEXT    NOT NULL,
    provider_message_id TEXT    NOT NULL UNIQUE,
    tenant_id           TEXT,
    role                TEXT    CHECK (role IN ('admin', 'customer')),
    thread_id           TEXT,                            -- sender in canonical E.164
    from_raw            TEXT    NOT NULL,
    to_phone_id         TEXT,
    to_number           TEXT    NOT NULL,
    provider_ts         BIGINT  NOT NULL,
    type                TEXT    NOT NULL,
    text                TEXT    NOT NULL,
    details_json        TEXT,
    profile_name        TEXT,
    state               TEXT    NOT NULL CHECK (state IN ('received', 'forwarded', 'replied', 'rate_limited', 'unroutable', 'dead')),
    unroutable_reason   TEXT,
    attempts            INTEGER NOT NULL DEFAULT 0,
    next_attempt_at     BIGINT,
    lease_until         BIGINT,
    last_error          TEXT,
    created_at          BIGINT  NOT NULL,
    updated_at          BIGINT  NOT NULL
);
-- Queries name the literal state so the planner can use these partial indexes.
CREATE INDEX idx_inbound_thread_received ON inbound_messages (tenant_id, thread_id, provider_ts, id) WHERE state = 'received';
CREATE INDEX idx_inbound_due ON inbound_messages (next_attempt_at, id) WHERE state = 'received';
CREATE INDEX idx_inbound_tenant_created ON inbound_messages (tenant_id, created_at);
CREATE INDEX idx_inbound_unroutable ON inbound_messages (created_at) WHERE state = 'unroutable';

CREATE TABLE outbound_messages (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    inbound_id          BIGINT  NOT NULL REFERENCES inbound_messages (id),
    tenant_id           TEXT    NOT NULL,
    thread_id           TEXT    NOT NULL,                -- copied from the inbound message: parts leave in order per thread
    part_index          INTEGER NOT NULL,
    part_count          INTEGER NOT NULL,
    provider            TEXT    NOT NULL,
    via_platform        BOOLEAN NOT NULL,
    from_phone_id       TEXT,
    to_raw              TEXT    NOT NULL,
    text                TEXT    NOT NULL,
    state               TEXT    NOT NULL CHECK (state IN ('pending', 'sent', 'delivered', 'read', 'failed')),
    provider_message_id TEXT    UNIQUE,
    error_code          TEXT,
    error_detail        TEXT,
    attempts            INTEGER NOT NULL DEFAULT 0,
    next_attempt_at     BIGINT,
    lease_until         BIGINT,
    created_at          BIGINT  NOT NULL,
    updated_at          BIGINT  NOT NULL
);
CREATE INDEX idx_outbound_thread_pending ON outbound_messages (tenant_id, thread_id, id) WHERE state = 'pending';
CREATE INDEX idx_outbound_due ON outbound_messages (next_attempt_at, id) WHERE state = 'pending';
CREATE INDEX idx_outbound_inbound ON outbound_messages (inbound_id);
CREATE INDEX idx_outbound_tenant_created ON outbound_messages (tenant_id, created_at);

-- Statuses that named a provider message id before the send that produced it was recorded;
-- applied and removed by OutboundQueue.markAccepted, pruned after a day.
CREATE TABLE early_statuses (
    provider_message_id TEXT   PRIMARY KEY,
    provider            TEXT   NOT NULL,
    status              TEXT   NOT NULL CHECK (status IN ('sent', 'delivered', 'read', 'failed')),
    error_code          TEXT,
    error_title         TEXT,
    status_at           BIGINT NOT NULL,
    received_at         BIGINT NOT NULL
);
CREATE INDEX idx_early_statuses_received ON early_statuses (received_at);
