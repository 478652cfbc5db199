package com.vendin.whatsapp.persistence.message;

import com.vendin.whatsapp.ports.inbound.InboundMessage;
import com.vendin.whatsapp.ports.inbound.InboundState;
import com.vendin.whatsapp.ports.inbound.InboxEntry;
import com.vendin.whatsapp.ports.inbound.RoutingDecision;
import com.vendin.whatsapp.ports.phone.PhoneNumber;

/** An {@code inbound_messages} row to insert (public only for Jdbi binding); absent values are null. */
public record InboundRow(
        String provider,
        String providerMessageId,
        String tenantId,
        String role,
        String threadId,
        String fromRaw,
        String toPhoneId,
        String toNumber,
        long providerTs,
        String type,
        String text,
        String detailsJson,
        String profileName,
        String state,
        String unroutableReason,
        Long nextAttemptAt,
        long now,
        String senderPhone,
        String userId,
        String username) {

    static InboundRow of(InboxEntry entry, long now) {
        return of(entry, now, now);
    }

    /** The row of {@code entry}, deliverable (when routed and {@code received}) from {@code deliverableAt}. */
    static InboundRow of(InboxEntry entry, long now, long deliverableAt) {
        InboundMessage message = entry.message();
        RoutingDecision.Routed routed = entry.decision() instanceof RoutingDecision.Routed r ? r : null;
        String reason = entry.decision() instanceof RoutingDecision.Unroutable u
                ? u.reason().wireName()
                : null;
        return new InboundRow(
                message.provider().wireName(),
                message.providerMessageId(),
                routed == null ? null : routed.tenantId().value(),
                routed == null ? null : routed.role().wireName(),
                routed == null ? null : routed.threadId(),
                message.from(),
                message.to().phoneId().orElse(null),
                message.to().number(),
                message.providerTimestamp().toEpochMilli(),
                message.content().type(),
                message.content().text(),
                message.content().detailsJson().orElse(null),
                message.profileName().orElse(null),
                entry.state().wireName(),
                reason,
                entry.state() == InboundState.RECEIVED ? deliverableAt : null,
                now,
                routed == null ? null : routed.phone().map(PhoneNumber::e164).orElse(null),
                message.userId().orElse(null),
                message.username().orElse(null));
    }
}
