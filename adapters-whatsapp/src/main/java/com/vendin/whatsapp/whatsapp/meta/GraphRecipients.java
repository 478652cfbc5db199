package com.vendin.whatsapp.whatsapp.meta;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vendin.whatsapp.ports.identity.UserIds;

/**
 * Addresses a Graph send (CONTRACT §2.4, §4): a phone goes in {@code to}; a business-scoped user id goes in
 * {@code recipient} and never in {@code to}, where Meta answers 200 with a message id and delivers nothing.
 */
final class GraphRecipients {
    private GraphRecipients() {}

    /** Puts {@code recipient_type} and the one address field for {@code to} on {@code root}. */
    static ObjectNode address(ObjectNode root, String to) {
        root.put("recipient_type", "individual");
        return UserIds.isUserId(to) ? root.put("recipient", to) : root.put("to", to);
    }
}
