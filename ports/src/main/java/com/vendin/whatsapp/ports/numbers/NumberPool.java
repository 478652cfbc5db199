package com.vendin.whatsapp.ports.numbers;

import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stores the number pool. Rejections are {@link com.vendin.whatsapp.ports.common.GatewayRejection}s:
 * {@code number_exists}, {@code phone_number_taken}, {@code number_not_found}, {@code number_assigned},
 * {@code tenant_not_found}, {@code tenant_has_number}, {@code no_numbers_available}.
 */
public interface NumberPool {

    /** Adds an {@code available} or {@code reserved} number. */
    void add(PhoneNumber number, String phoneId, PoolStatus status, Instant now);

    /** Moves a number that no tenant holds between {@code available} and {@code reserved}. */
    PoolNumber setStatus(PhoneNumber number, PoolStatus status, Instant now);

    List<PoolNumber> list();

    /**
     * In one write transaction: claims one available number (never a reserved one, never one a tenant
     * already uses) for a tenant without a number, and makes it the tenant's Meta number on the platform account.
     */
    PoolNumber assign(TenantId tenant, Instant now);

    /** Returns the tenant's pool number to {@code available} and clears it from the tenant; empty when it held none. */
    Optional<PoolNumber> release(TenantId tenant, Instant now);
}
