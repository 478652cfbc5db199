package com.vendin.whatsapp.whatsapp.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.vendin.whatsapp.ports.delivery.SendOutcome;
import com.vendin.whatsapp.whatsapp.http.ProviderCall;
import com.vendin.whatsapp.whatsapp.http.ProviderJson;
import java.util.Optional;
import java.util.Set;

/** Classifies a Graph API error reply on its {@code error.code}; the HTTP status counts only when there is no code. */
final class GraphErrors {
    /**
     * CONTRACT §4 lists 130429 (throughput), 131000 (unknown), 131016 (service unavailable) and 131056 (pair
     * rate limit); the Meta reference adds 1 and 2 (server error, overload) and 131057 (maintenance).
     */
    static final Set<String> RETRYABLE = Set.of("130429", "131000", "131016", "131056", "1", "2", "131057");
    /** Access token expired or invalidated: the number needs re-authorisation. */
    static final String TOKEN_EXPIRED = "190";

    private GraphErrors() {}

    static SendOutcome.Failed classify(ProviderCall.Reply reply) {
        Optional<JsonNode> error =
                ProviderJson.object(reply).map(json -> json.path("error")).filter(JsonNode::isObject);
        Optional<String> code = error.flatMap(e -> ProviderJson.code(e.path("code")));
        if (code.isEmpty()) {
            return new SendOutcome.Failed(
                    "http_" + reply.status(),
                    "HTTP " + reply.status() + " from the Graph API",
                    reply.serverSideOrThrottled(),
                    false);
        }
        String detail = ProviderCall.shorten(detail(error.get()));
        if (TOKEN_EXPIRED.equals(code.get())) {
            return new SendOutcome.Failed(code.get(), detail, false, true);
        }
        return new SendOutcome.Failed(code.get(), detail, RETRYABLE.contains(code.get()), false);
    }

    private static String detail(JsonNode error) {
        String message = ProviderJson.text(error.path("message")).orElse("Graph API error");
        return ProviderJson.text(error.path("error_data").path("details"))
                .map(details -> message + ": " + details)
                .orElse(message);
    }
}
