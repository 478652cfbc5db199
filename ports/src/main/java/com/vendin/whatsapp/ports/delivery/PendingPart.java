package com.vendin.whatsapp.ports.delivery;

import com.vendin.whatsapp.ports.tenant.TenantId;
import java.util.Objects;
import java.util.Optional;

/**
 * One queued part of a reply, claimed for sending; {@code attempts} counts the failed tries so far. {@code text}
 * is the part's text ({@link OutboundContent#summary()} for other items); {@code content} what to send, and
 * {@code mediaId} the provider's id of its media once uploaded (so a retry never uploads again).
 */
public record PendingPart(
        long id,
        long inboundId,
        TenantId tenantId,
        ReplyRoute route,
        String text,
        int partIndex,
        int partCount,
        int attempts,
        OutboundContent content,
        Optional<String> mediaId) {
    public PendingPart {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(mediaId, "mediaId");
    }

    /** A text part. */
    public PendingPart(
            long id,
            long inboundId,
            TenantId tenantId,
            ReplyRoute route,
            String text,
            int partIndex,
            int partCount,
            int attempts) {
        this(
                id,
                inboundId,
                tenantId,
                route,
                text,
                partIndex,
                partCount,
                attempts,
                new OutboundContent.Text(text),
                Optional.empty());
    }
}
