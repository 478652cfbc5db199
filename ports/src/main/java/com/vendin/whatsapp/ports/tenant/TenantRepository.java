package com.vendin.whatsapp.ports.tenant;

import java.util.List;
import java.util.Optional;

/**
 * Stores tenants. Credentials inside {@link Tenant} are plain here and encrypted by the adapter.
 * Unique violations surface as {@link com.vendin.whatsapp.ports.common.GatewayRejection} conflicts
 * with codes {@code tenant_exists}, {@code subdomain_taken} or {@code phone_number_taken}.
 */
public interface TenantRepository {

    void insert(Tenant tenant);

    /** Replaces the stored tenant with the same id; false when there is none. */
    boolean update(Tenant tenant);

    Optional<Tenant> findById(TenantId id);

    List<Tenant> list(int limit);

    /** Deletes the tenant and its admin phones; false when there was none. */
    boolean delete(TenantId id);
}
