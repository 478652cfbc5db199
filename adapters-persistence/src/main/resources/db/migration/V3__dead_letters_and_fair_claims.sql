-- Dead letters are listed most recently given up first (CONTRACT §5.4).
CREATE INDEX idx_inbound_dead ON inbound_messages (updated_at, id) WHERE state = 'dead';
-- The delivery claim counts each tenant's leased messages to cap how many workers one tenant can hold.
CREATE INDEX idx_inbound_leased ON inbound_messages (tenant_id, lease_until) WHERE state = 'received' AND lease_until IS NOT NULL;
