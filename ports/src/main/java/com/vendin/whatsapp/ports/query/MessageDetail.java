package com.vendin.whatsapp.ports.query;

import com.vendin.whatsapp.ports.delivery.OutboundContent;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a listed message is besides its text: an outbound part's item ({@code content}, CONTRACT §3.1), whether a
 * tenant sent it on its own and the {@code replyTo} it named (§3.2), an inbound message's media (§3.3), and the
 * thread's customer-service window: {@code lastCustomerMessage} is the provider timestamp of the newest customer
 * message of the thread (customer threads only), {@code window} what that means now.
 */
public record MessageDetail(
        Optional<OutboundContent> content,
        boolean tenantInitiated,
        Optional<String> replyTo,
        Optional<InboundMedia> media,
        Optional<Instant> lastCustomerMessage,
        Optional<ServiceWindow> window) {
    public static final MessageDetail NONE = new MessageDetail(
            Optional.empty(), false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public MessageDetail {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(replyTo, "replyTo");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(lastCustomerMessage, "lastCustomerMessage");
        Objects.requireNonNull(window, "window");
    }

    public MessageDetail withContent(Optional<OutboundContent> newContent) {
        return new MessageDetail(newContent, tenantInitiated, replyTo, media, lastCustomerMessage, window);
    }

    public MessageDetail withMedia(Optional<InboundMedia> newMedia) {
        return new MessageDetail(content, tenantInitiated, replyTo, newMedia, lastCustomerMessage, window);
    }

    public MessageDetail withWindow(Optional<ServiceWindow> newWindow) {
        return new MessageDetail(content, tenantInitiated, replyTo, media, lastCustomerMessage, newWindow);
    }
}
