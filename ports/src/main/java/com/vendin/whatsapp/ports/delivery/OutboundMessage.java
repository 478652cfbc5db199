package com.vendin.whatsapp.ports.delivery;

import java.util.Objects;
import java.util.Optional;

/**
 * A reply part to send: from which account, {@code to} whom (as the provider spelled the sender), what, and for
 * a media part on Meta the id of the media already uploaded; {@code correlationId} as in {@link OutboundText}.
 */
public record OutboundMessage(
        SenderAccount from,
        String to,
        OutboundContent content,
        Optional<String> mediaId,
        Optional<String> correlationId) {
    public OutboundMessage {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(mediaId, "mediaId");
        Objects.requireNonNull(correlationId, "correlationId");
    }
}
