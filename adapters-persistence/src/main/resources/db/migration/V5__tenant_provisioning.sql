-- What provisioning a store's number produced besides the number itself (which lives on tenants):
-- the Meta WABA and registration PIN of Embedded Signup, and the tenant's Twilio subaccount, kept as
-- soon as Twilio created it so a retry reuses it. Secrets encrypted (CredentialCipher).
CREATE TABLE tenant_provisioning (
    tenant_id               TEXT   PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
    meta_waba_id            TEXT,
    meta_registration_pin   TEXT,                        -- encrypted
    twilio_subaccount_sid   TEXT,
    twilio_subaccount_token TEXT,                        -- encrypted
    created_at              BIGINT NOT NULL,
    updated_at              BIGINT NOT NULL
);
