package com.vendin.whatsapp.ports.status;

import com.vendin.whatsapp.ports.inbound.DeliveryStatus;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A change of state of one outbound part, queued for its tenant (CONTRACT §3.4): {@code partId} is the part's
 * id as the admin API shows it ({@code out-<n>}), {@code replyTo} the inbound message id it answers, if any;
 * {@code attempts} counts the failed notifications so far.
 */
public record TenantStatusEvent(
        long id,
        TenantId tenantId,
        String partId,
        Optional<String> replyTo,
        DeliveryStatus status,
        Optional<String> errorCode,
        Instant timestamp,
        int attempts) {
    public TenantStatusEvent {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(partId, "partId");
        Objects.requireNonNull(replyTo, "replyTo");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
