package com.vendin.whatsapp.persistence.numbers;

import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.db.Dialect;
import com.vendin.whatsapp.persistence.db.WritePurpose;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.numbers.NumberPool;
import com.vendin.whatsapp.ports.numbers.PoolNumber;
import com.vendin.whatsapp.ports.numbers.PoolStatus;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The number pool in {@code whatsapp_number_pool}; an assignment claims and gives the number in one write transaction. */
public final class JdbiNumberPool implements NumberPool {
    private final Database db;

    public JdbiNumberPool(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public void add(PhoneNumber number, String phoneId, PoolStatus status, Instant now) {
        db.useWrite(WritePurpose.TENANTS, handle -> {
            Dialect.lock(handle, Dialect.DIRECTORY_LOCK);
            PoolDao dao = handle.attach(PoolDao.class);
            if (dao.find(number.e164()).isPresent()) {
                throw GatewayRejection.conflict("number_exists", "The number " + number + " is already in the pool.");
            }
            if (dao.usedByTenant(number.e164())) {
                throw GatewayRejection.conflict(
                        "phone_number_taken", "The number " + number + " already belongs to a tenant.");
            }
            dao.insert(number.e164(), phoneId, status.wireName(), now.toEpochMilli());
        });
    }

    @Override
    public PoolNumber setStatus(PhoneNumber number, PoolStatus status, Instant now) {
        return db.inWrite(WritePurpose.TENANTS, handle -> {
            Dialect.lock(handle, Dialect.DIRECTORY_LOCK);
            PoolDao dao = handle.attach(PoolDao.class);
            PoolNumber current = dao.find(number.e164())
                    .orElseThrow(() -> GatewayRejection.notFound(
                            "number_not_found", "The number " + number + " is not in the pool."));
            if (current.status() == PoolStatus.ASSIGNED) {
                throw GatewayRejection.conflict(
                        "number_assigned",
                        "The number " + number + " is assigned to tenant '"
                                + current.assignedTenant().map(TenantId::value).orElse("") + "'; release it first.");
            }
            dao.setUnassignedStatus(number.e164(), status.wireName(), now.toEpochMilli());
            return dao.find(number.e164()).orElseThrow();
        });
    }

    @Override
    public List<PoolNumber> list() {
        return db.inRead(handle -> handle.attach(PoolDao.class).list());
    }

    @Override
    public PoolNumber assign(TenantId tenant, Instant now) {
        long millis = now.toEpochMilli();
        return db.inWrite(WritePurpose.TENANTS, handle -> {
            Dialect.lock(handle, Dialect.DIRECTORY_LOCK);
            PoolDao dao = handle.attach(PoolDao.class);
            String current = dao.tenantNumber(tenant.value()).orElseThrow(() -> tenantNotFound(tenant));
            if (!current.isEmpty()) {
                throw GatewayRejection.conflict(
                        "tenant_has_number",
                        "Tenant '" + tenant + "' already has the WhatsApp number " + current + ".");
            }
            PoolNumber claimed = dao.claim(tenant.value(), millis)
                    .orElseThrow(() ->
                            GatewayRejection.conflict("no_numbers_available", "The pool has no available number."));
            dao.giveToTenant(tenant.value(), claimed.phoneNumber().e164(), claimed.phoneId(), millis);
            return claimed;
        });
    }

    @Override
    public Optional<PoolNumber> release(TenantId tenant, Instant now) {
        long millis = now.toEpochMilli();
        return db.inWrite(WritePurpose.TENANTS, handle -> {
            Dialect.lock(handle, Dialect.DIRECTORY_LOCK);
            PoolDao dao = handle.attach(PoolDao.class);
            if (dao.tenantNumber(tenant.value()).isEmpty()) {
                throw tenantNotFound(tenant);
            }
            List<PoolNumber> held = dao.heldBy(tenant.value());
            for (PoolNumber number : held) {
                dao.takeFromTenant(tenant.value(), number.phoneNumber().e164(), millis);
            }
            dao.releaseAll(tenant.value(), millis);
            return held.stream().findFirst();
        });
    }

    private static GatewayRejection tenantNotFound(TenantId tenant) {
        return GatewayRejection.notFound("tenant_not_found", "No tenant with id '" + tenant + "'.");
    }
}
