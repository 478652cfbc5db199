package com.vendin.whatsapp.persistence.numbers;

import java.util.Optional;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of {@code tenant_provisioning} and of the tenant columns a provisioned number sets. */
interface ProvisioningDao {

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM tenants WHERE id = :tenantId)")
    boolean tenantExists(String tenantId);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM tenants WHERE id <> :tenantId AND (whatsapp_phone_number = :number "
            + "OR (:phoneId IS NOT NULL AND whatsapp_phone_id = :phoneId)))")
    boolean takenByOther(String tenantId, String number, String phoneId);

    @SqlUpdate("UPDATE tenants SET whatsapp_phone_number = :number, whatsapp_phone_id = :phoneId, "
            + "whatsapp_provider = :provider, whatsapp_access_token = :accessToken, twilio_account_sid = :accountSid, "
            + "twilio_auth_token = :authToken, whatsapp_status = 'active', whatsapp_verified_at = :verifiedAt, "
            + "updated_at = :now WHERE id = :tenantId")
    int setNumber(
            String tenantId,
            String number,
            String phoneId,
            String provider,
            String accessToken,
            String accountSid,
            String authToken,
            Long verifiedAt,
            long now);

    @SqlUpdate("UPDATE whatsapp_number_pool SET status = 'available', assigned_tenant_id = NULL, updated_at = :now "
            + "WHERE assigned_tenant_id = :tenantId AND phone_number <> :keep")
    int releasePool(String tenantId, String keep, long now);

    @SqlUpdate(
            "INSERT INTO tenant_provisioning (tenant_id, meta_waba_id, meta_registration_pin, created_at, updated_at) "
                    + "VALUES (:tenantId, :wabaId, :pin, :now, :now) ON CONFLICT (tenant_id) DO UPDATE SET "
                    + "meta_waba_id = excluded.meta_waba_id, meta_registration_pin = excluded.meta_registration_pin, "
                    + "updated_at = excluded.updated_at")
    void upsertMeta(String tenantId, String wabaId, String pin, long now);

    @SqlUpdate(
            "INSERT INTO tenant_provisioning (tenant_id, twilio_subaccount_sid, twilio_subaccount_token, created_at, "
                    + "updated_at) VALUES (:tenantId, :sid, :token, :now, :now) ON CONFLICT (tenant_id) DO UPDATE SET "
                    + "twilio_subaccount_sid = excluded.twilio_subaccount_sid, "
                    + "twilio_subaccount_token = excluded.twilio_subaccount_token, updated_at = excluded.updated_at")
    void upsertTwilio(String tenantId, String sid, String token, long now);

    @SqlQuery("SELECT meta_registration_pin FROM tenant_provisioning WHERE tenant_id = :tenantId")
    Optional<String> pin(String tenantId);

    @SqlQuery("SELECT twilio_subaccount_sid || ' ' || twilio_subaccount_token FROM tenant_provisioning "
            + "WHERE tenant_id = :tenantId AND twilio_subaccount_sid IS NOT NULL")
    Optional<String> twilio(String tenantId);
}
