package com.vendin.whatsapp.ports.send;

import com.vendin.whatsapp.ports.delivery.OutboundContent;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a tenant asks to send: to whom ({@code to}, an E.164 phone or a BSUID, as given), the items in order,
 * the inbound message it answers ({@code replyTo}, a provider message id) and its idempotency key.
 */
public record SendRequest(
        TenantId tenantId,
        String to,
        List<OutboundContent> items,
        Optional<String> replyTo,
        Optional<String> idempotencyKey) {
    public SendRequest {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(to, "to");
        items = List.copyOf(items);
        Objects.requireNonNull(replyTo, "replyTo");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }
}
