package com.vendin.whatsapp.persistence.numbers;

import com.vendin.whatsapp.ports.numbers.PoolNumber;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of the {@code whatsapp_number_pool} table and the tenant columns an assignment sets. */
@RegisterRowMapper(PoolNumberMapper.class)
interface PoolDao {
    String COLUMNS = "phone_number, phone_id, status, assigned_tenant_id, created_at, updated_at";

    @SqlUpdate("INSERT INTO whatsapp_number_pool (phone_number, phone_id, status, created_at, updated_at) "
            + "VALUES (:number, :phoneId, :status, :now, :now)")
    void insert(String number, String phoneId, String status, long now);

    @SqlQuery("SELECT " + COLUMNS + " FROM whatsapp_number_pool WHERE phone_number = :number")
    Optional<PoolNumber> find(String number);

    @SqlQuery("SELECT " + COLUMNS + " FROM whatsapp_number_pool WHERE assigned_tenant_id = :tenantId ORDER BY id")
    List<PoolNumber> heldBy(String tenantId);

    @SqlQuery("SELECT " + COLUMNS + " FROM whatsapp_number_pool ORDER BY id")
    List<PoolNumber> list();

    @SqlUpdate("UPDATE whatsapp_number_pool SET status = :status, updated_at = :now "
            + "WHERE phone_number = :number AND status <> 'assigned'")
    int setUnassignedStatus(String number, String status, long now);

    /** The atomic claim: one available number nobody uses, oldest first, or nothing. */
    @SqlQuery("UPDATE whatsapp_number_pool SET status = 'assigned', assigned_tenant_id = :tenantId, updated_at = :now "
            + "WHERE id = (SELECT p.id FROM whatsapp_number_pool p WHERE p.status = 'available' "
            + "AND NOT EXISTS (SELECT 1 FROM tenants t WHERE t.whatsapp_phone_number = p.phone_number) "
            + "ORDER BY p.id LIMIT 1) AND status = 'available' "
            + "RETURNING " + COLUMNS)
    Optional<PoolNumber> claim(String tenantId, long now);

    @SqlUpdate("UPDATE whatsapp_number_pool SET status = 'available', assigned_tenant_id = NULL, updated_at = :now "
            + "WHERE assigned_tenant_id = :tenantId")
    int releaseAll(String tenantId, long now);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM tenants WHERE whatsapp_phone_number = :number)")
    boolean usedByTenant(String number);

    /** The tenant's current number, {@code ""} when it has none; empty when there is no such tenant. */
    @SqlQuery("SELECT COALESCE(whatsapp_phone_number, '') FROM tenants WHERE id = :tenantId")
    Optional<String> tenantNumber(String tenantId);

    @SqlUpdate("UPDATE tenants SET whatsapp_phone_number = :number, whatsapp_phone_id = :phoneId, "
            + "whatsapp_provider = 'facebook', whatsapp_access_token = NULL, twilio_account_sid = NULL, "
            + "twilio_auth_token = NULL, whatsapp_status = 'active', whatsapp_verified_at = :now, updated_at = :now "
            + "WHERE id = :tenantId")
    int giveToTenant(String tenantId, String number, String phoneId, long now);

    @SqlUpdate(
            "UPDATE tenants SET whatsapp_phone_number = NULL, whatsapp_phone_id = NULL, whatsapp_access_token = NULL, "
                    + "twilio_account_sid = NULL, twilio_auth_token = NULL, whatsapp_status = 'active', "
                    + "whatsapp_verified_at = NULL, updated_at = :now WHERE id = :tenantId AND whatsapp_phone_number = :number")
    int takeFromTenant(String tenantId, String number, long now);
}
