package com.vendin.whatsapp.http.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.vendin.whatsapp.http.tenant.RichReplyParser;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.delivery.OutboundContent;
import java.util.List;

/**
 * Parses the {@code messages} array of a tenant-initiated send (CONTRACT §3.2): the same items as a rich reply
 * (§3.1), read by the same {@link RichReplyParser}, so an item means the same in an answer and in a send. Shape
 * problems are a 400 naming the item; the provider's limits are checked by the domain.
 */
final class OutgoingItems {
    static final int MAX_ITEMS = 10;

    List<OutboundContent> parse(JsonNode messages) {
        if (messages == null || messages.isNull()) {
            throw GatewayRejection.invalid("invalid_request", "Field messages is required.");
        }
        if (!messages.isArray() || messages.isEmpty() || messages.size() > MAX_ITEMS) {
            throw GatewayRejection.invalid(
                    "invalid_message", "messages must be an array of 1 to " + MAX_ITEMS + " items.");
        }
        try {
            return RichReplyParser.parse(messages);
        } catch (RichReplyParser.Malformed e) {
            throw GatewayRejection.invalid("invalid_message", e.getMessage() + ".");
        }
    }
}
