package com.vendin.whatsapp.http.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vendin.whatsapp.ports.delivery.AgentOutcome;
import java.io.IOException;
import java.util.Optional;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Classifies a tenant's answer (CONTRACT §3): 2xx replied, 5xx/408/429 retryable, any other status rejected. */
final class TenantResponses {
    static final long MAX_BODY_BYTES = 1024 * 1024;
    static final String INVALID_REPLY = "invalid_reply: ";
    private static final Logger LOG = LoggerFactory.getLogger(TenantResponses.class);

    private final ObjectMapper mapper;

    TenantResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The outcome; reading a 2xx body may fail with an {@link IOException} (a timeout, a dropped connection). */
    AgentOutcome classify(Response response) throws IOException {
        int code = response.code();
        if (code >= 200 && code < 300) {
            return reply(response.body());
        }
        if (code >= 500 || code == 408 || code == 429) {
            return new AgentOutcome.Retryable("tenant answered HTTP " + code);
        }
        return new AgentOutcome.Rejected("tenant answered HTTP " + code);
    }

    /** {@code {"text"}}, or {@code {"messages":[...]}} (CONTRACT §3.1), whose malformed items reject the reply. */
    private AgentOutcome reply(ResponseBody body) throws IOException {
        BufferedSource source = body.source();
        if (source.request(MAX_BODY_BYTES + 1)) {
            LOG.warn("tenant reply body is larger than {} bytes; treated as no reply", MAX_BODY_BYTES);
            return new AgentOutcome.Replied(Optional.empty());
        }
        byte[] bytes = source.readByteArray();
        JsonNode node;
        try {
            node = mapper.readTree(bytes);
        } catch (IOException e) {
            LOG.warn("tenant reply body is not JSON; treated as no reply");
            return new AgentOutcome.Replied(Optional.empty());
        }
        JsonNode messages = node == null ? null : node.get("messages");
        if (messages == null || messages.isNull()) {
            return new AgentOutcome.Replied(replyText(node));
        }
        // "Missing or empty text means no reply" (§3): only a real text beside messages is ambiguous.
        if (replyText(node).isPresent()) {
            return new AgentOutcome.Rejected(INVALID_REPLY + "the answer has both text and messages; send one of them");
        }
        try {
            return new AgentOutcome.Replied(Optional.empty(), RichReplyParser.parse(messages));
        } catch (RichReplyParser.Malformed e) {
            return new AgentOutcome.Rejected(INVALID_REPLY + e.getMessage());
        }
    }

    private static Optional<String> replyText(JsonNode node) {
        JsonNode text = node == null ? null : node.get("text");
        if (text == null || !text.isTextual() || text.asText().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(text.asText());
    }
}
