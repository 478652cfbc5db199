package com.vendin.whatsapp.ports.delivery;

import com.vendin.whatsapp.ports.tenant.TenantId;
import java.util.Objects;
import java.util.Optional;

/**
 * One queued part of a reply, claimed for sending; {@code attempts} counts the failed tries so far. A part a
 * tenant sent on its own (CONTRACT §3.2) answers no inbound message: its {@code inboundId} is 0. A part with a
 * {@code template} sends that template.
 */
public record PendingPart(long id, long inboundId, TenantId tenantId, ReplyRoute route, String text, int partIndex,
                          int partCount, int attempts, Optional<TemplateMessage> template) {
    public PendingPart {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(template, "template");
    }

    /** A text part. */
    public PendingPart(long id, long inboundId, TenantId tenantId, ReplyRoute route, String text, int partIndex,
                       int partCount, int attempts) {
        this(id, inboundId, tenantId, route, text, partIndex, partCount, attempts, Optional.empty());
    }
}
