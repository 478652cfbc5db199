package com.vendin.whatsapp.whatsapp.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.ports.delivery.SendOutcome;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProviderCallTest {
    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void givenBodyLargerThanTheCapWhenExecutedThenReplyIsCutAndMarkedIncomplete() {
        server.enqueue(new MockResponse(200, Headers.of(), "x".repeat(ProviderCall.MAX_BODY_BYTES + 10)));
        AtomicReference<ProviderCall.Reply> seen = new AtomicReference<>();

        ProviderCall.execute(
                HttpClients.standard(),
                new Request.Builder().url(server.url("/big")).build(),
                reply -> {
                    seen.set(reply);
                    return new SendOutcome.Accepted("ok");
                });

        assertThat(seen.get().body()).hasSize(ProviderCall.MAX_BODY_BYTES);
        assertThat(seen.get().complete()).isFalse();
        assertThat(ProviderJson.object(seen.get())).isEmpty();
    }

    @Test
    void givenBodyOfExactlyTheCapWithItsLengthWhenExecutedThenReplyIsWhole() {
        server.enqueue(new MockResponse(200, Headers.of(), "y".repeat(ProviderCall.MAX_BODY_BYTES)));

        ProviderCall.Reply reply = call("/exact");

        assertThat(reply.body()).hasSize(ProviderCall.MAX_BODY_BYTES);
        assertThat(reply.complete()).isTrue();
    }

    @Test
    void givenShortAnswerWithItsLengthWhenExecutedThenReplyIsWhole() {
        server.enqueue(new MockResponse(
                200, Headers.of("Content-Type", "application/json"), "{\"messages\":[{\"id\":\"wamid.é1\"}]}"));

        ProviderCall.Reply reply = call("/short");

        assertThat(reply.body()).isEqualTo("{\"messages\":[{\"id\":\"wamid.é1\"}]}");
        assertThat(reply.complete()).isTrue();
        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void givenChunkedBodiesWithoutLengthWhenExecutedThenTheShortIsWholeAndTheLongCut() {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .chunkedBody("{\"ok\":true}", 4)
                .build());
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .chunkedBody("z".repeat(ProviderCall.MAX_BODY_BYTES + 1), 1000)
                .build());

        ProviderCall.Reply whole = call("/chunked-short");
        ProviderCall.Reply cut = call("/chunked-long");

        assertThat(whole.body()).isEqualTo("{\"ok\":true}");
        assertThat(whole.complete()).isTrue();
        assertThat(cut.body()).hasSize(ProviderCall.MAX_BODY_BYTES);
        assertThat(cut.complete()).isFalse();
    }

    private ProviderCall.Reply call(String path) {
        AtomicReference<ProviderCall.Reply> seen = new AtomicReference<>();
        ProviderCall.execute(
                HttpClients.standard(),
                new Request.Builder().url(server.url(path)).build(),
                reply -> {
                    seen.set(reply);
                    return new SendOutcome.Accepted("ok");
                });
        return seen.get();
    }

    @Test
    void givenLongDetailWhenShortenedThenCutTo500CharactersAndMarked() {
        assertThat(ProviderCall.shorten("a".repeat(600))).hasSize(503).endsWith("...");
        assertThat(ProviderCall.shorten("short")).isEqualTo("short");
    }

    @Test
    void givenStandardClientWhenBuiltThenTimeoutsAreExplicit() {
        OkHttpClient client = HttpClients.standard();

        assertThat(Duration.ofMillis(client.connectTimeoutMillis())).isEqualTo(Duration.ofSeconds(5));
        assertThat(Duration.ofMillis(client.readTimeoutMillis())).isEqualTo(Duration.ofSeconds(15));
        assertThat(Duration.ofMillis(client.callTimeoutMillis())).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void givenBaseWithOrWithoutTrailingSlashWhenJoinedThenSamePath() {
        String plain = BaseUrls.join(BaseUrls.parse("https://graph.facebook.com/v25.0", "x"), "12", "messages")
                .toString();
        String slash = BaseUrls.join(BaseUrls.parse("https://graph.facebook.com/v25.0/", "x"), "12", "messages")
                .toString();

        assertThat(plain).isEqualTo("https://graph.facebook.com/v25.0/12/messages");
        assertThat(slash).isEqualTo(plain);
    }

    @Test
    void givenSegmentWithSlashWhenJoinedThenItStaysOneEncodedSegment() {
        assertThat(BaseUrls.join(BaseUrls.parse("https://api.twilio.com", "x"), "a/b")
                        .encodedPath())
                .isEqualTo("/a%2Fb");
    }
}
