package com.vendin.whatsapp.persistence.numbers;

import com.vendin.whatsapp.persistence.crypto.CredentialCipher;
import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.db.Dialect;
import com.vendin.whatsapp.persistence.db.WritePurpose;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.numbers.ProvisioningStore;
import com.vendin.whatsapp.ports.numbers.TwilioSubaccount;
import com.vendin.whatsapp.ports.tenant.TenantId;
import com.vendin.whatsapp.ports.tenant.WhatsAppNumber;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Provisioning results in {@code tenants} and {@code tenant_provisioning}, secrets sealed with the {@link CredentialCipher}. */
public final class JdbiProvisioningStore implements ProvisioningStore {
    private final Database db;
    private final CredentialCipher cipher;

    public JdbiProvisioningStore(Database db, CredentialCipher cipher) {
        this.db = Objects.requireNonNull(db, "db");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    @Override
    public void storeMetaNumber(TenantId tenant, WhatsAppNumber number, String wabaId, Secret pin, Instant now) {
        String sealedPin = seal(pin);
        db.useWrite(WritePurpose.TENANTS, handle -> {
            Dialect.lock(handle, Dialect.DIRECTORY_LOCK);
            ProvisioningDao dao = handle.attach(ProvisioningDao.class);
            setNumber(dao, tenant, number, now);
            dao.upsertMeta(tenant.value(), wabaId, sealedPin, now.toEpochMilli());
        });
    }

    @Override
    public Optional<Secret> registrationPin(TenantId tenant) {
        return db.inRead(handle -> handle.attach(ProvisioningDao.class).pin(tenant.value()))
                .map(this::open);
    }

    @Override
    public Optional<TwilioSubaccount> twilioSubaccount(TenantId tenant) {
        return db.inRead(handle -> handle.attach(ProvisioningDao.class).twilio(tenant.value()))
                .map(pair -> {
                    int space = pair.indexOf(' ');
                    return new TwilioSubaccount(pair.substring(0, space), open(pair.substring(space + 1)));
                });
    }

    @Override
    public void saveTwilioSubaccount(TenantId tenant, TwilioSubaccount subaccount, Instant now) {
        String sealed = seal(subaccount.authToken());
        db.useWrite(WritePurpose.TENANTS, handle -> {
            Dialect.lock(handle, Dialect.DIRECTORY_LOCK);
            ProvisioningDao dao = handle.attach(ProvisioningDao.class);
            if (!dao.tenantExists(tenant.value())) {
                throw tenantNotFound(tenant);
            }
            dao.upsertTwilio(tenant.value(), subaccount.sid(), sealed, now.toEpochMilli());
        });
    }

    @Override
    public void storeTwilioNumber(TenantId tenant, WhatsAppNumber number, Instant now) {
        db.useWrite(WritePurpose.TENANTS, handle -> {
            Dialect.lock(handle, Dialect.DIRECTORY_LOCK);
            setNumber(handle.attach(ProvisioningDao.class), tenant, number, now);
        });
    }

    private void setNumber(ProvisioningDao dao, TenantId tenant, WhatsAppNumber number, Instant now) {
        if (!dao.tenantExists(tenant.value())) {
            throw tenantNotFound(tenant);
        }
        String e164 = number.phoneNumber().e164();
        if (dao.takenByOther(tenant.value(), e164, number.phoneId().orElse(null))) {
            throw GatewayRejection.conflict(
                    "phone_number_taken", "The WhatsApp number " + e164 + " already belongs to another tenant.");
        }
        long millis = now.toEpochMilli();
        dao.setNumber(
                tenant.value(),
                e164,
                number.phoneId().orElse(null),
                number.provider().wireName(),
                number.accessToken().map(this::seal).orElse(null),
                number.twilioAccountSid().orElse(null),
                number.twilioAuthToken().map(this::seal).orElse(null),
                number.verifiedAt().map(Instant::toEpochMilli).orElse(null),
                millis);
        dao.releasePool(tenant.value(), e164, millis);
    }

    private String seal(Secret secret) {
        return cipher.encrypt(secret.reveal());
    }

    private Secret open(String stored) {
        return new Secret(cipher.decrypt(stored));
    }

    private static GatewayRejection tenantNotFound(TenantId tenant) {
        return GatewayRejection.notFound("tenant_not_found", "No tenant with id '" + tenant + "'.");
    }
}
