package com.vendin.whatsapp.whatsapp.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.delivery.SenderAccount;
import com.vendin.whatsapp.whatsapp.http.HttpClients;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Mark-as-read with the typing indicator (Meta docs: "Typing indicators", CONTRACT §3.5). */
class GraphTypingIndicatorTest {
    private final MockWebServer graph = new MockWebServer();
    private GraphTypingIndicator indicator;

    @BeforeEach
    void start() throws Exception {
        graph.start();
        indicator = new GraphTypingIndicator(
                HttpClients.standard(), graph.url("/v25.0").toString());
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    @Test
    void postsTheReadReceiptWithTheTypingIndicatorWithTheNumbersToken() throws Exception {
        graph.enqueue(new MockResponse(200, Headers.of("Content-Type", "application/json"), "{\"success\":true}"));

        indicator.show(SenderAccount.meta("520000000000002", new Secret("EAAG-token")), "wamid.HBgLIN");

        RecordedRequest request = graph.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getRequestLine()).isEqualTo("POST /v25.0/520000000000002/messages HTTP/1.1");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer EAAG-token");
        assertThat(new ObjectMapper().readTree(request.getBody().utf8()))
                .isEqualTo(new ObjectMapper()
                        .readTree(
                                "{\"messaging_product\":\"whatsapp\",\"status\":\"read\",\"message_id\":\"wamid.HBgLIN\","
                                        + "\"typing_indicator\":{\"type\":\"text\"}}"));
    }

    @Test
    void aFailingOrUnreachableGraphNeverThrows() {
        graph.enqueue(new MockResponse(500, Headers.of(), "{}"));
        indicator.show(SenderAccount.meta("1", new Secret("t")), "wamid.A");
        graph.close();

        indicator.show(SenderAccount.meta("1", new Secret("t")), "wamid.B");

        assertThat(graph.getRequestCount()).isEqualTo(1);
    }
}
