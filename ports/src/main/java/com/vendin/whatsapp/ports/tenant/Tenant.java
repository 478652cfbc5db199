package com.vendin.whatsapp.ports.tenant;

import com.vendin.whatsapp.ports.common.Secret;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A store on the platform: where its instance lives, the secret that signs calls to it, and its WhatsApp number. */
public record Tenant(
        TenantId id,
        String subdomain,
        URI instanceUrl,
        Secret instanceSecret,
        Optional<WhatsAppNumber> whatsapp,
        Instant createdAt,
        Instant updatedAt) {

    public Tenant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subdomain, "subdomain");
        Objects.requireNonNull(instanceUrl, "instanceUrl");
        Objects.requireNonNull(instanceSecret, "instanceSecret");
        Objects.requireNonNull(whatsapp, "whatsapp");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
