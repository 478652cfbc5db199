package com.vendin.whatsapp.ports.testing;

import com.vendin.whatsapp.ports.testing.contract.TenantStoreContract;

class InMemoryTenantsTest extends TenantStoreContract {
    @Override
    protected Stores newStores() {
        InMemoryTenants tenants = new InMemoryTenants();
        return new Stores(tenants, tenants, tenants);
    }
}
