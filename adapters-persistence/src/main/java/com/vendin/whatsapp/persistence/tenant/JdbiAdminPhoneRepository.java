package com.vendin.whatsapp.persistence.tenant;

import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.db.Dialect;
import com.vendin.whatsapp.persistence.db.WritePurpose;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.AdminPhone;
import com.vendin.whatsapp.ports.tenant.AdminPhoneRepository;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.util.List;
import java.util.Objects;

/** Admin phones in the {@code tenant_admins} table; a phone is unique across all tenants. */
public final class JdbiAdminPhoneRepository implements AdminPhoneRepository {
    private final Database db;

    public JdbiAdminPhoneRepository(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * Adds the phone: {@code phone_already_registered} (409) when any tenant has it,
     * {@code tenant_not_found} (404) when the tenant does not exist.
     */
    @Override
    public void add(AdminPhone phone) {
        try {
            db.useWrite(WritePurpose.TENANTS, handle -> {
                Dialect.lock(handle, Dialect.DIRECTORY_LOCK);
                AdminPhoneDao dao = handle.attach(AdminPhoneDao.class);
                if (dao.findByPhone(phone.phone().e164()).isPresent()) {
                    throw alreadyRegistered();
                }
                if (!dao.tenantExists(phone.tenantId().value())) {
                    throw GatewayRejection.notFound("tenant_not_found", "no tenant with this id");
                }
                dao.insert(
                        phone.id(),
                        phone.tenantId().value(),
                        phone.userId(),
                        phone.phone().e164(),
                        phone.role(),
                        phone.verifiedAt().toEpochMilli(),
                        phone.createdAt().toEpochMilli());
            });
        } catch (GatewayRejection e) {
            throw e;
        } catch (RuntimeException e) {
            String text = TenantConflicts.messages(e);
            throw text.contains("unique") || text.contains("duplicate key") ? alreadyRegistered() : e;
        }
    }

    @Override
    public List<AdminPhone> listFor(TenantId tenantId) {
        return db.inRead(handle -> handle.attach(AdminPhoneDao.class).listFor(tenantId.value()));
    }

    @Override
    public boolean remove(TenantId tenantId, PhoneNumber phone) {
        return db.inWrite(
                WritePurpose.TENANTS,
                handle -> handle.attach(AdminPhoneDao.class).remove(tenantId.value(), phone.e164()) > 0);
    }

    private static GatewayRejection alreadyRegistered() {
        return GatewayRejection.conflict("phone_already_registered", "this phone is already registered to a store");
    }
}
