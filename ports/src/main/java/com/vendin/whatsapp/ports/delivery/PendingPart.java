package com.vendin.whatsapp.ports.delivery;

import com.vendin.whatsapp.ports.tenant.TenantId;
import java.util.Objects;

/** One queued part of a reply, claimed for sending; {@code attempts} counts the failed tries so far. */
public record PendingPart(long id, long inboundId, TenantId tenantId, ReplyRoute route, String text, int partIndex,
                          int partCount, int attempts) {
    public PendingPart {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(text, "text");
    }
}
