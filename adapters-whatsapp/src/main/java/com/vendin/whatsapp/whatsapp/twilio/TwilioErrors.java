package com.vendin.whatsapp.whatsapp.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.vendin.whatsapp.ports.delivery.SendOutcome;
import com.vendin.whatsapp.whatsapp.http.ProviderCall;
import com.vendin.whatsapp.whatsapp.http.ProviderJson;
import java.util.Optional;
import java.util.Set;

/** Classifies a Twilio REST error reply ({@code {"code":21211,"message":...,"status":400}}). */
final class TwilioErrors {
    /** 20429: too many concurrent requests; 63018: sender or Meta rate limit (CONTRACT §4). */
    static final Set<String> RETRYABLE = Set.of("20429", "63018");

    private TwilioErrors() {}

    /** Retryable on codes 20429 and 63018, and on HTTP 429 and 5xx whatever the code; otherwise terminal. */
    static SendOutcome.Failed classify(ProviderCall.Reply reply) {
        Optional<JsonNode> json = ProviderJson.object(reply);
        Optional<String> code = json.flatMap(j -> ProviderJson.code(j.path("code")));
        String detail = json.flatMap(j -> ProviderJson.text(j.path("message")))
                .map(ProviderCall::shorten)
                .orElse("HTTP " + reply.status() + " from Twilio");
        boolean retryable = reply.serverSideOrThrottled()
                || code.filter(RETRYABLE::contains).isPresent();
        return new SendOutcome.Failed(code.orElse("http_" + reply.status()), detail, retryable, false);
    }
}
