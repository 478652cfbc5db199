package com.vendin.whatsapp.whatsapp.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.delivery.SenderAccount;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.whatsapp.http.HttpClients;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Twilio's typing indicator, as in Twilio's docs ("WhatsApp typing indicators", Public Beta). */
class TwilioTypingIndicatorTest {
    private final MockWebServer twilio = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        twilio.start();
    }

    @AfterEach
    void stop() {
        twilio.close();
    }

    @Test
    void postsTheMessageIdAndChannelWithTheAccountsBasicAuth() throws Exception {
        twilio.enqueue(new MockResponse(200, Headers.of("Content-Type", "application/json"), "{\"success\": true}"));
        TwilioTypingIndicator indicator = new TwilioTypingIndicator(
                HttpClients.standard(), twilio.url("/").toString());

        indicator.show(
                SenderAccount.twilio(new PhoneNumber("+551140045678"), "ACsub", new Secret("sub-token")),
                "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");

        RecordedRequest request = twilio.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getRequestLine()).isEqualTo("POST /v2/Indicators/Typing.json HTTP/1.1");
        assertThat(request.getHeaders().get("Authorization"))
                .isEqualTo("Basic "
                        + Base64.getEncoder().encodeToString("ACsub:sub-token".getBytes(StandardCharsets.UTF_8)));
        assertThat(request.getBody().utf8()).isEqualTo("messageId=SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa&channel=whatsapp");
    }

    @Test
    void theIndicatorLivesOnTwiliosMessagingHostUnlessTheApiIsServedElsewhere() {
        assertThat(TwilioTypingIndicator.messagingBaseFor("https://api.twilio.com"))
                .isEqualTo("https://messaging.twilio.com");
        assertThat(TwilioTypingIndicator.messagingBaseFor("http://127.0.0.1:8081/twilio"))
                .isEqualTo("http://127.0.0.1:8081/twilio");
    }

    @Test
    void aFailingOrUnreachableTwilioNeverThrows() {
        twilio.enqueue(new MockResponse(404, Headers.of(), "{\"code\":20404}"));
        TwilioTypingIndicator indicator = new TwilioTypingIndicator(
                HttpClients.standard(), twilio.url("/").toString());
        SenderAccount account = SenderAccount.twilio(new PhoneNumber("+551140045678"), "AC1", new Secret("t"));

        indicator.show(account, "SM1");
        twilio.close();
        indicator.show(account, "SM2");

        assertThat(twilio.getRequestCount()).isEqualTo(1);
    }
}
