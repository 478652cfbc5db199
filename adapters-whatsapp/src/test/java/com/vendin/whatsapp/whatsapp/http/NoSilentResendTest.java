package com.vendin.whatsapp.whatsapp.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.delivery.OutboundText;
import com.vendin.whatsapp.ports.delivery.SendOutcome;
import com.vendin.whatsapp.ports.delivery.SenderAccount;
import com.vendin.whatsapp.whatsapp.meta.GraphApiSender;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A send whose answer is lost after the provider read it is one request, never two: the shared client does not
 * silently repeat a POST on a dropped connection (OkHttp's default would), so the part is retried only by the
 * gateway's own policy, which first lets the provider's status record an accepted send (CONTRACT §4).
 */
class NoSilentResendTest {
    private static final SenderAccount ACCOUNT = SenderAccount.meta("520000000000002", new Secret("token"));

    private final MockWebServer server = new MockWebServer();
    private GraphApiSender sender;

    @BeforeEach
    void start() throws Exception {
        server.start();
        sender = new GraphApiSender(HttpClients.standard(), server.url("/v25.0").toString());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aSendWhoseConnectionDropsAfterTheRequestIsNotRepeatedByTheHttpClient() {
        server.enqueue(accepted("wamid.WARM"));
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(new SocketEffect.CloseSocket())
                .build());
        server.enqueue(accepted("wamid.REPEATED"));

        assertThat(sender.send(new OutboundText(ACCOUNT, "5511988887777", "first")))
                .isEqualTo(new SendOutcome.Accepted("wamid.WARM"));
        SendOutcome lost = sender.send(new OutboundText(ACCOUNT, "5511988887777", "second"));

        assertThat(lost).isInstanceOf(SendOutcome.Failed.class);
        assertThat(((SendOutcome.Failed) lost).retryable()).isTrue();
        assertThat(server.getRequestCount())
                .as("requests the provider received")
                .isEqualTo(2);
    }

    private static MockResponse accepted(String wamid) {
        return new MockResponse(
                200, Headers.of("Content-Type", "application/json"), "{\"messages\":[{\"id\":\"" + wamid + "\"}]}");
    }
}
