package com.vendin.whatsapp.persistence.tenant;

import com.vendin.whatsapp.persistence.crypto.CredentialCipher;
import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.AdminPhone;
import com.vendin.whatsapp.ports.tenant.Tenant;
import com.vendin.whatsapp.ports.tenant.TenantDirectory;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds tenants for routing by Meta phone id, store number or admin phone (indexed lookups), held in a
 * {@link TenantCache} with their credentials decrypted.
 */
public final class JdbiTenantDirectory implements TenantDirectory {
    private final Database db;
    private final TenantRows rows;
    private final TenantCache cache;

    public JdbiTenantDirectory(Database db, CredentialCipher cipher) {
        this(db, cipher, TenantCache.none(db));
    }

    /**
     * Reads through {@code cache} (the message path); the constructor without one reads the database every time.
     *
     * @param cache shared with the {@link JdbiTenantRepository} of the same database
     */
    public JdbiTenantDirectory(Database db, CredentialCipher cipher, TenantCache cache) {
        this.db = Objects.requireNonNull(db, "db");
        this.rows = new TenantRows(Objects.requireNonNull(cipher, "cipher"));
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    /** The tenant with this Meta phone number id (the earliest created, should two share one). */
    @Override
    public Optional<Tenant> findByPhoneId(String phoneId) {
        return cache.get(
                "phone-id:" + phoneId,
                () -> db.inRead(handle -> TenantDao.findByPhoneId(handle, phoneId))
                        .map(rows::toTenant));
    }

    @Override
    public Optional<Tenant> findByNumber(PhoneNumber number) {
        return cache.get(
                "number:" + number.e164(),
                () -> db.inRead(handle -> TenantDao.findByNumber(handle, number.e164()))
                        .map(rows::toTenant));
    }

    @Override
    public Optional<AdminPhone> findAdminByPhone(PhoneNumber phone) {
        return cache.get(
                "admin:" + phone.e164(), () -> db.inRead(handle -> AdminPhoneDao.findByPhone(handle, phone.e164())));
    }
}
