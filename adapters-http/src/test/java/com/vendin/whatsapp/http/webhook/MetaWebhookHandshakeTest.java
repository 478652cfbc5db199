package com.vendin.whatsapp.http.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.http.HttpConfig;
import com.vendin.whatsapp.http.support.TestServer;
import com.vendin.whatsapp.http.support.TestServer.Reply;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetaWebhookHandshakeTest {
    private TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void givenSubscribeAndTheVerifyTokenWhenVerifiedThenChallengeEchoedAsPlainText() {
        Reply reply = get("subscribe", TestServer.VERIFY_TOKEN, "1158201444");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("text/plain");
        assertThat(reply.body()).isEqualTo("1158201444");
    }

    @Test
    void givenWrongTokenWhenVerifiedThen403WithoutTheChallenge() {
        Reply reply = get("subscribe", "not-the-token", "1158201444");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body()).doesNotContain("1158201444");
    }

    @Test
    void givenWrongModeWhenVerifiedThen403() {
        assertThat(get("unsubscribe", TestServer.VERIFY_TOKEN, "1158201444").status())
                .isEqualTo(403);
    }

    @Test
    void givenNoParametersWhenVerifiedThen403() {
        assertThat(server.call("GET", "/webhooks/whatsapp/facebook", null, Map.of())
                        .status())
                .isEqualTo(403);
    }

    @Test
    void givenNoVerifyTokenConfiguredWhenVerifiedWithAnEmptyTokenThen403() {
        server.close();
        server = TestServer.start(new HttpConfig(0, Optional.empty(), Optional.empty(), Optional.empty()), List.of());

        assertThat(get("subscribe", "", "1158201444").status()).isEqualTo(403);
        assertThat(get("subscribe", "null", "1158201444").status()).isEqualTo(403);
    }

    private Reply get(String mode, String token, String challenge) {
        return server.call(
                "GET",
                "/webhooks/whatsapp/facebook?hub.mode=" + mode + "&hub.verify_token=" + token + "&hub.challenge="
                        + challenge,
                null,
                Map.of());
    }
}
