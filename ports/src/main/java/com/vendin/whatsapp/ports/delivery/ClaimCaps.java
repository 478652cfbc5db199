package com.vendin.whatsapp.ports.delivery;

import com.vendin.whatsapp.ports.tenant.TenantId;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * How many messages of each tenant one delivery claim may take (CONTRACT §3: a slow or hanging tenant never delays
 * another tenant's messages). A tenant that {@code prompt} accepts (it has been answering promptly) may hold
 * {@code perTenant} unexpired leases; any other tenant (slow, hanging, failing, or not heard from lately) at most
 * {@code othersPerTenant}, and one claim takes at most {@code othersTotal} messages of such tenants together. Leases
 * are counted as held, across every process of the store; {@code othersTotal} only limits what this claim adds (the
 * caller knows how many of its own workers those tenants hold already).
 *
 * @param prompt asked once per tenant and claim; it must be cheap and must not block
 */
public record ClaimCaps(int perTenant, Predicate<TenantId> prompt, int othersPerTenant, int othersTotal) {
    public ClaimCaps {
        Objects.requireNonNull(prompt, "prompt");
        if (perTenant < 1 || othersPerTenant < 0 || othersTotal < 0) {
            throw new IllegalArgumentException("caps must be perTenant >= 1, othersPerTenant >= 0, othersTotal >= 0: "
                    + perTenant + ", " + othersPerTenant + ", " + othersTotal);
        }
    }

    /** The same cap for every tenant, whatever its pace. */
    public static ClaimCaps uniform(int perTenant) {
        return new ClaimCaps(perTenant, tenant -> true, perTenant, Integer.MAX_VALUE);
    }

    /** The most leases {@code tenant} may hold once this claim is done, given whether it is prompt. */
    public int capFor(boolean isPrompt) {
        return isPrompt ? perTenant : othersPerTenant;
    }
}
