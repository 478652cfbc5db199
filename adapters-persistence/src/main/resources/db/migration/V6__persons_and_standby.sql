-- People who write to each business number (CONTRACT §2.4): one person is one thread whether a message
-- carries their phone, their business-scoped user id (BSUID) or both. number_key is 'id:<Meta phone id>'
-- or 'tel:<E.164>'; BSUIDs are scoped to a business portfolio, so people are never joined across numbers.
CREATE TABLE persons (
    id             ${id_pk},
    number_key     TEXT   NOT NULL,
    thread_id      TEXT   NOT NULL,   -- chosen at first sight, then stable: the phone, else 'user:<BSUID>'
    phone          TEXT,              -- canonical E.164
    user_id        TEXT,              -- BSUID
    parent_user_id TEXT,
    username       TEXT,
    first_seen     BIGINT NOT NULL,
    last_seen      BIGINT NOT NULL
);
CREATE UNIQUE INDEX idx_persons_phone ON persons (number_key, phone);
CREATE UNIQUE INDEX idx_persons_user ON persons (number_key, user_id);

-- Who wrote each message, as the provider named them (the thread is in thread_id).
ALTER TABLE inbound_messages ADD COLUMN sender_phone TEXT;
ALTER TABLE inbound_messages ADD COLUMN user_id TEXT;
ALTER TABLE inbound_messages ADD COLUMN username TEXT;
-- Before this version every thread was the sender's canonical phone.
UPDATE inbound_messages SET sender_phone = thread_id WHERE thread_id IS NOT NULL;

-- Items of Meta 'standby' changes (a conversation held by Meta Business Agent): recorded, never forwarded
-- or answered. item_key is the message id, or a status id with its status.
CREATE TABLE standby_items (
    id          ${id_pk},
    item_key    TEXT   NOT NULL UNIQUE,
    provider    TEXT   NOT NULL,
    kind        TEXT   NOT NULL CHECK (kind IN ('message', 'echo', 'status')),
    to_phone_id TEXT,
    to_number   TEXT   NOT NULL,
    sender      TEXT,
    type        TEXT   NOT NULL,
    text        TEXT   NOT NULL,
    item_ts     BIGINT NOT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX idx_standby_created ON standby_items (created_at);
