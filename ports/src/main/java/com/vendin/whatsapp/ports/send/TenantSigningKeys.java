package com.vendin.whatsapp.ports.send;

import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.util.Optional;

/** The key a tenant instance signs its own requests to the gateway with: its instance secret (CONTRACT §3.2). */
@FunctionalInterface
public interface TenantSigningKeys {
    /** Empty when there is no such tenant. */
    Optional<Secret> instanceSecret(TenantId tenantId);
}
