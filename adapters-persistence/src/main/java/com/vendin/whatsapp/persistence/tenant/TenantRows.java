package com.vendin.whatsapp.persistence.tenant;

import com.vendin.whatsapp.persistence.crypto.CredentialCipher;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.NumberStatus;
import com.vendin.whatsapp.ports.tenant.Tenant;
import com.vendin.whatsapp.ports.tenant.TenantId;
import com.vendin.whatsapp.ports.tenant.WhatsAppNumber;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/** Turns tenants into rows and back, encrypting and decrypting the credentials on the way. */
final class TenantRows {
    private final CredentialCipher cipher;

    TenantRows(CredentialCipher cipher) {
        this.cipher = cipher;
    }

    TenantRow toRow(Tenant tenant) {
        Optional<WhatsAppNumber> number = tenant.whatsapp();
        return new TenantRow(
                tenant.id().value(),
                tenant.subdomain(),
                tenant.instanceUrl().toString(),
                seal(tenant.instanceSecret()),
                number.map(n -> n.phoneNumber().e164()).orElse(null),
                number.flatMap(WhatsAppNumber::phoneId).orElse(null),
                number.map(n -> n.provider().wireName()).orElse(Provider.FACEBOOK.wireName()),
                number.flatMap(WhatsAppNumber::accessToken).map(this::seal).orElse(null),
                number.flatMap(WhatsAppNumber::twilioAccountSid).orElse(null),
                number.flatMap(WhatsAppNumber::twilioAuthToken).map(this::seal).orElse(null),
                number.map(n -> n.status().wireName()).orElse(NumberStatus.ACTIVE.wireName()),
                number.flatMap(WhatsAppNumber::verifiedAt)
                        .map(Instant::toEpochMilli)
                        .orElse(null),
                tenant.createdAt().toEpochMilli(),
                tenant.updatedAt().toEpochMilli());
    }

    Tenant toTenant(TenantRow row) {
        return new Tenant(
                new TenantId(row.id()),
                row.subdomain(),
                URI.create(row.instanceUrl()),
                open(row.instanceSecret()),
                number(row),
                Instant.ofEpochMilli(row.createdAt()),
                Instant.ofEpochMilli(row.updatedAt()));
    }

    private Optional<WhatsAppNumber> number(TenantRow row) {
        if (row.phoneNumber() == null) {
            return Optional.empty();
        }
        Provider provider = Provider.fromWire(row.provider())
                .orElseThrow(() -> new IllegalStateException("unknown provider stored: " + row.provider()));
        return Optional.of(new WhatsAppNumber(
                new PhoneNumber(row.phoneNumber()),
                Optional.ofNullable(row.phoneId()),
                provider,
                Optional.ofNullable(row.accessToken()).map(this::open),
                Optional.ofNullable(row.twilioAccountSid()),
                Optional.ofNullable(row.twilioAuthToken()).map(this::open),
                NumberStatus.fromWire(row.status()),
                Optional.ofNullable(row.verifiedAt()).map(Instant::ofEpochMilli)));
    }

    private String seal(Secret secret) {
        return cipher.encrypt(secret.reveal());
    }

    private Secret open(String stored) {
        return new Secret(cipher.decrypt(stored));
    }
}
