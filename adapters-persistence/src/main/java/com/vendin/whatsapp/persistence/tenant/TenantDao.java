package com.vendin.whatsapp.persistence.tenant;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SQL of the {@code tenants} table (and the pool release that goes with a delete). The lookups of the message
 * path run through the static methods, on the handle's fluent API: attaching this interface builds and warms an
 * invoker for every method, which cost more than the lookup itself.
 */
@RegisterRowMapper(TenantRowMapper.class)
interface TenantDao {
    String COLUMNS = "id, subdomain, instance_url, instance_secret, whatsapp_phone_number, whatsapp_phone_id, "
            + "whatsapp_provider, whatsapp_access_token, twilio_account_sid, twilio_auth_token, whatsapp_status, "
            + "whatsapp_verified_at, created_at, updated_at";
    String SELECT = "SELECT " + COLUMNS + " FROM tenants ";
    String FIND_BY_ID = SELECT + "WHERE id = :id";
    String FIND_BY_PHONE_ID = SELECT + "WHERE whatsapp_phone_id = :phoneId ORDER BY created_at, id LIMIT 1";
    String FIND_BY_NUMBER = SELECT + "WHERE whatsapp_phone_number = :number";

    RowMapper<TenantRow> MAPPER = new TenantRowMapper();

    static Optional<TenantRow> findById(Handle handle, String id) {
        return handle.createQuery(FIND_BY_ID).bind("id", id).map(MAPPER).findOne();
    }

    static Optional<TenantRow> findByPhoneId(Handle handle, String phoneId) {
        return handle.createQuery(FIND_BY_PHONE_ID)
                .bind("phoneId", phoneId)
                .map(MAPPER)
                .findOne();
    }

    static Optional<TenantRow> findByNumber(Handle handle, String number) {
        return handle.createQuery(FIND_BY_NUMBER)
                .bind("number", number)
                .map(MAPPER)
                .findOne();
    }

    @SqlUpdate("INSERT INTO tenants (" + COLUMNS + ") VALUES (:id, :subdomain, :instanceUrl, :instanceSecret, "
            + ":phoneNumber, :phoneId, :provider, :accessToken, :twilioAccountSid, :twilioAuthToken, :status, "
            + ":verifiedAt, :createdAt, :updatedAt)")
    void insert(@BindMethods TenantRow row);

    @SqlUpdate("UPDATE tenants SET subdomain = :subdomain, instance_url = :instanceUrl, "
            + "instance_secret = :instanceSecret, whatsapp_phone_number = :phoneNumber, whatsapp_phone_id = :phoneId, "
            + "whatsapp_provider = :provider, whatsapp_access_token = :accessToken, "
            + "twilio_account_sid = :twilioAccountSid, twilio_auth_token = :twilioAuthToken, "
            + "whatsapp_status = :status, whatsapp_verified_at = :verifiedAt, updated_at = :updatedAt WHERE id = :id")
    int update(@BindMethods TenantRow row);

    @SqlUpdate("UPDATE tenants SET whatsapp_status = 'reauth_required', updated_at = :now "
            + "WHERE id = :id AND updated_at = :unchangedSince AND whatsapp_phone_number IS NOT NULL")
    int markReauthRequired(String id, long unchangedSince, long now);

    /** The admin writes' lookup (attached); {@link #findById(Handle, String)} runs the same SQL. */
    @SqlQuery(FIND_BY_ID)
    Optional<TenantRow> findById(String id);

    @SqlQuery(SELECT + "ORDER BY created_at, id LIMIT :limit")
    List<TenantRow> list(int limit);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM tenants WHERE subdomain = :subdomain AND id <> :id)")
    boolean subdomainTakenByOther(String subdomain, String id);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM tenants WHERE whatsapp_phone_number = :number AND id <> :id)")
    boolean numberTakenByOther(String number, String id);

    @SqlUpdate("UPDATE whatsapp_number_pool SET status = 'available', assigned_tenant_id = NULL, updated_at = :now "
            + "WHERE assigned_tenant_id = :id")
    int releasePoolNumbers(String id, long now);

    /** Pool numbers assigned to the tenant that are no longer its number (changed or removed by an update). */
    @SqlUpdate("UPDATE whatsapp_number_pool SET status = 'available', assigned_tenant_id = NULL, updated_at = :now "
            + "WHERE assigned_tenant_id = :id AND (:phoneNumber IS NULL OR phone_number <> :phoneNumber)")
    int releasePoolNumbersNotHeld(String id, String phoneNumber, long now);

    @SqlUpdate("DELETE FROM tenants WHERE id = :id")
    int delete(String id);
}
