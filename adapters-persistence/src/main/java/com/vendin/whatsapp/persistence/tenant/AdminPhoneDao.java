package com.vendin.whatsapp.persistence.tenant;

import com.vendin.whatsapp.ports.tenant.AdminPhone;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SQL of the {@code tenant_admins} table. The routing lookup by phone runs through the static method, on the
 * handle's fluent API (attaching this interface builds and warms an invoker for every method).
 */
@RegisterRowMapper(AdminPhoneMapper.class)
interface AdminPhoneDao {
    String SELECT = "SELECT id, tenant_id, user_id, phone, role, phone_verified_at, created_at FROM tenant_admins ";
    String FIND_BY_PHONE = SELECT + "WHERE phone = :phone";

    RowMapper<AdminPhone> MAPPER = new AdminPhoneMapper();

    static Optional<AdminPhone> findByPhone(Handle handle, String phone) {
        return handle.createQuery(FIND_BY_PHONE)
                .bind("phone", phone)
                .map(MAPPER)
                .findOne();
    }

    @SqlUpdate("INSERT INTO tenant_admins (id, tenant_id, user_id, phone, role, phone_verified_at, created_at) "
            + "VALUES (:id, :tenantId, :userId, :phone, :role, :verifiedAt, :createdAt)")
    void insert(String id, String tenantId, String userId, String phone, String role, long verifiedAt, long createdAt);

    @SqlQuery(SELECT + "WHERE tenant_id = :tenantId ORDER BY created_at, id")
    List<AdminPhone> listFor(String tenantId);

    @SqlQuery(FIND_BY_PHONE)
    Optional<AdminPhone> findByPhone(String phone);

    @SqlUpdate("DELETE FROM tenant_admins WHERE tenant_id = :tenantId AND phone = :phone")
    int remove(String tenantId, String phone);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM tenants WHERE id = :tenantId)")
    boolean tenantExists(String tenantId);
}
