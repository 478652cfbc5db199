package com.vendin.whatsapp.ports.delivery;

import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.net.URI;
import java.util.Objects;

/** Where a tenant's instance listens and the secret that signs calls to it. */
public record TenantEndpoint(TenantId tenantId, URI instanceUrl, Secret instanceSecret) {
    public TenantEndpoint {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(instanceUrl, "instanceUrl");
        Objects.requireNonNull(instanceSecret, "instanceSecret");
    }
}
