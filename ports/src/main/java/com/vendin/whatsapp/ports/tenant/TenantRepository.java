package com.vendin.whatsapp.ports.tenant;

import java.time.Instant;
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

    /**
     * Marks the tenant's number {@link NumberStatus#REAUTH_REQUIRED} (Meta code 190), but only when the tenant
     * was not changed since {@code unchangedSince}: a token an operator set meanwhile is never overwritten
     * and stays {@code active}. True when marked. Adapters override this with one conditional update.
     */
    default boolean markReauthRequired(TenantId id, Instant unchangedSince, Instant now) {
        return findById(id)
                .filter(t -> t.updatedAt().equals(unchangedSince))
                .flatMap(t -> t.whatsapp()
                        .map(number -> new Tenant(
                                t.id(),
                                t.subdomain(),
                                t.instanceUrl(),
                                t.instanceSecret(),
                                Optional.of(number.withStatus(NumberStatus.REAUTH_REQUIRED)),
                                t.createdAt(),
                                now)))
                .map(this::update)
                .orElse(false);
    }
}
