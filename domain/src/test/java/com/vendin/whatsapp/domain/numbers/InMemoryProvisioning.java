package com.vendin.whatsapp.domain.numbers;

import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.numbers.ProvisioningStore;
import com.vendin.whatsapp.ports.numbers.TwilioSubaccount;
import com.vendin.whatsapp.ports.tenant.Tenant;
import com.vendin.whatsapp.ports.tenant.TenantId;
import com.vendin.whatsapp.ports.tenant.WhatsAppNumber;
import com.vendin.whatsapp.ports.testing.InMemoryTenants;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A {@link ProvisioningStore} over {@link InMemoryTenants}, for the provisioning services' tests. */
final class InMemoryProvisioning implements ProvisioningStore {
    private final InMemoryTenants tenants;
    private final Map<TenantId, Secret> pins = new HashMap<>();
    private final Map<TenantId, TwilioSubaccount> subaccounts = new HashMap<>();
    int stores;

    InMemoryProvisioning(InMemoryTenants tenants) {
        this.tenants = tenants;
    }

    @Override
    public void storeMetaNumber(TenantId tenant, WhatsAppNumber number, String wabaId, Secret pin, Instant now) {
        setNumber(tenant, number, now);
        pins.put(tenant, pin);
    }

    @Override
    public Optional<Secret> registrationPin(TenantId tenant) {
        return Optional.ofNullable(pins.get(tenant));
    }

    @Override
    public Optional<TwilioSubaccount> twilioSubaccount(TenantId tenant) {
        return Optional.ofNullable(subaccounts.get(tenant));
    }

    @Override
    public void saveTwilioSubaccount(TenantId tenant, TwilioSubaccount subaccount, Instant now) {
        subaccounts.put(tenant, subaccount);
    }

    @Override
    public void storeTwilioNumber(TenantId tenant, WhatsAppNumber number, Instant now) {
        setNumber(tenant, number, now);
    }

    private void setNumber(TenantId id, WhatsAppNumber number, Instant now) {
        stores++;
        Tenant t = tenants.findById(id).orElseThrow();
        tenants.update(new Tenant(
                id, t.subdomain(), t.instanceUrl(), t.instanceSecret(), Optional.of(number), t.createdAt(), now));
    }
}
