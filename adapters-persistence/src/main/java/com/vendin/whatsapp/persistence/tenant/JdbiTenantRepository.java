package com.vendin.whatsapp.persistence.tenant;

import com.vendin.whatsapp.persistence.crypto.CredentialCipher;
import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.db.Dialect;
import com.vendin.whatsapp.persistence.db.WritePurpose;
import com.vendin.whatsapp.ports.tenant.Tenant;
import com.vendin.whatsapp.ports.tenant.TenantId;
import com.vendin.whatsapp.ports.tenant.TenantRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Tenants in the {@code tenants} table, credentials encrypted with the {@link CredentialCipher}; {@link #findById}
 * is held in a {@link TenantCache} (credentials decrypted once), which every change here makes forget.
 */
public final class JdbiTenantRepository implements TenantRepository {
    private final Database db;
    private final TenantRows rows;
    private final Clock clock;
    private final TenantCache cache;

    public JdbiTenantRepository(Database db, CredentialCipher cipher, Clock clock) {
        this(db, cipher, clock, TenantCache.none(db));
    }

    /**
     * Reads through {@code cache} (the message path); the constructor without one reads the database every time.
     *
     * @param cache shared with the {@link JdbiTenantDirectory} of the same database
     */
    public JdbiTenantRepository(Database db, CredentialCipher cipher, Clock clock, TenantCache cache) {
        this.db = Objects.requireNonNull(db, "db");
        this.rows = new TenantRows(Objects.requireNonNull(cipher, "cipher"));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    @Override
    public void insert(Tenant tenant) {
        TenantRow row = rows.toRow(tenant);
        try {
            db.useWrite(WritePurpose.TENANTS, handle -> {
                Dialect.lock(handle, Dialect.DIRECTORY_LOCK);
                TenantDao dao = handle.attach(TenantDao.class);
                if (dao.findById(row.id()).isPresent()) {
                    throw TenantConflicts.tenantExists();
                }
                TenantConflicts.checkUnique(dao, row);
                dao.insert(row);
            });
        } catch (RuntimeException e) {
            throw TenantConflicts.translate(e);
        }
    }

    @Override
    public boolean update(Tenant tenant) {
        TenantRow row = rows.toRow(tenant);
        try {
            return db.inWrite(WritePurpose.TENANTS, handle -> {
                Dialect.lock(handle, Dialect.DIRECTORY_LOCK);
                TenantDao dao = handle.attach(TenantDao.class);
                if (dao.findById(row.id()).isEmpty()) {
                    return false;
                }
                TenantConflicts.checkUnique(dao, row);
                boolean updated = dao.update(row) > 0;
                dao.releasePoolNumbersNotHeld(row.id(), row.phoneNumber(), clock.millis());
                return updated;
            });
        } catch (RuntimeException e) {
            throw TenantConflicts.translate(e);
        }
    }

    /** One conditional update: a tenant changed since {@code unchangedSince} (a new token) is left as it is. */
    @Override
    public boolean markReauthRequired(TenantId id, Instant unchangedSince, Instant now) {
        return db.inWrite(
                        WritePurpose.TENANTS,
                        handle -> handle.attach(TenantDao.class)
                                .markReauthRequired(id.value(), unchangedSince.toEpochMilli(), now.toEpochMilli()))
                > 0;
    }

    @Override
    public Optional<Tenant> findById(TenantId id) {
        return cache.get(
                "id:" + id.value(),
                () -> db.inRead(handle -> TenantDao.findById(handle, id.value()))
                        .map(rows::toTenant));
    }

    @Override
    public List<Tenant> list(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return db.inRead(handle -> handle.attach(TenantDao.class).list(limit)).stream()
                .map(rows::toTenant)
                .toList();
    }

    /** Deletes the tenant; its admin phones go with it (cascade) and any pool number it held is available again. */
    @Override
    public boolean delete(TenantId id) {
        long now = clock.millis();
        return db.inWrite(WritePurpose.TENANTS, handle -> {
            Dialect.lock(handle, Dialect.DIRECTORY_LOCK);
            TenantDao dao = handle.attach(TenantDao.class);
            dao.releasePoolNumbers(id.value(), now);
            return dao.delete(id.value()) > 0;
        });
    }
}
