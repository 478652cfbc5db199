package com.vendin.whatsapp.whatsapp.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.delivery.SenderAccount;
import com.vendin.whatsapp.ports.media.MediaFetch;
import com.vendin.whatsapp.ports.media.MediaStream;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.whatsapp.ProviderApiConfig;
import com.vendin.whatsapp.whatsapp.http.HttpClients;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Credentials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProviderMediaSourceTest {
    private static final SenderAccount MODA = SenderAccount.meta("106540352242922", new Secret("moda-token"));
    private static final SenderAccount PIZZA = SenderAccount.twilio(
            new PhoneNumber("+551140045678"), "AC0123456789abcdef0123456789abcdef", new Secret("twilio-token"));

    private final MockWebServer server = new MockWebServer();
    private final MockWebServer elsewhere = new MockWebServer();
    private ProviderMediaSource source;

    @BeforeEach
    void start() throws Exception {
        server.start();
        elsewhere.start();
        source = new ProviderMediaSource(
                HttpClients.standard(),
                new ProviderApiConfig(
                        server.url("/v25.0").toString(), server.url("/").toString()));
    }

    @AfterEach
    void stop() {
        server.close();
        elsewhere.close();
    }

    @Test
    void givenMetaMediaIdWhenOpenedThenLookedUpAndDownloadedWithTheNumbersTokenAndStreamed() throws Exception {
        server.enqueue(json(
                200,
                "{\"messaging_product\":\"whatsapp\",\"url\":\""
                        + server.url("/whatsapp_business/" + "attachments/?mid=1420&ext=1&hash=x")
                        + "\",\"mime_type\":\"image/jpeg\",\"sha256\":\"x\","
                        + "\"file_size\":\"5\",\"id\":\"1420\"}"));
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "image/jpeg")
                .body("JPEG!")
                .build());

        MediaFetch fetch = source.open(MODA, "1420");

        assertThat(fetch).isInstanceOf(MediaFetch.Found.class);
        try (MediaStream stream = ((MediaFetch.Found) fetch).stream()) {
            assertThat(stream.contentType()).contains("image/jpeg");
            assertThat(stream.contentLength()).hasValue(5);
            assertThat(new String(stream.body().readAllBytes(), StandardCharsets.US_ASCII))
                    .isEqualTo("JPEG!");
        }
        RecordedRequest lookup = server.takeRequest();
        assertThat(lookup.getUrl().encodedPath()).isEqualTo("/v25.0/1420");
        assertThat(lookup.getUrl().queryParameter("phone_number_id")).isEqualTo("106540352242922");
        assertThat(lookup.getHeaders().get("Authorization")).isEqualTo("Bearer moda-token");
        RecordedRequest download = server.takeRequest();
        assertThat(download.getUrl().queryParameter("mid")).isEqualTo("1420");
        assertThat(download.getHeaders().get("Authorization")).isEqualTo("Bearer moda-token");
    }

    @Test
    void givenMediaMetaNoLongerHasWhenOpenedThenGoneButAFailingGraphIsUnavailable() {
        server.enqueue(json(404, "{\"error\":{\"code\":100}}"));
        server.enqueue(json(
                400,
                "{\"error\":{\"message\":\"Unsupported get request. Object with ID '9' does not "
                        + "exist\",\"type\":\"GraphMethodException\",\"code\":100,\"error_subcode\":33}}"));
        server.enqueue(json(500, "{\"error\":{\"code\":1}}"));
        server.enqueue(json(200, "{\"url\":\"" + server.url("/gone") + "\"}"));
        server.enqueue(json(410, "{}"));

        assertThat(source.open(MODA, "1")).isInstanceOf(MediaFetch.Gone.class);
        assertThat(source.open(MODA, "9")).isInstanceOf(MediaFetch.Gone.class);
        assertThat(source.open(MODA, "2")).isInstanceOf(MediaFetch.Unavailable.class);
        assertThat(source.open(MODA, "3")).isInstanceOf(MediaFetch.Gone.class);
    }

    @Test
    void givenTwilioMediaUrlWhenOpenedThenFetchedWithTheAccountsBasicAuthFollowingTheRedirect() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .code(307)
                .setHeader("Location", "/cdn/ME1")
                .build());
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "audio/ogg")
                .body("OggS")
                .build());
        String mediaUrl = server.url("/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages/MM1/Media/ME1")
                .toString();

        MediaFetch fetch = source.open(PIZZA, mediaUrl);

        try (MediaStream stream = ((MediaFetch.Found) fetch).stream()) {
            assertThat(stream.contentType()).contains("audio/ogg");
            assertThat(stream.body().readAllBytes()).isEqualTo("OggS".getBytes(StandardCharsets.US_ASCII));
        }
        assertThat(server.takeRequest().getHeaders().get("Authorization"))
                .isEqualTo(Credentials.basic(
                        "AC0123456789abcdef0123456789abcdef", "twilio-token", StandardCharsets.UTF_8));
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/cdn/ME1");
    }

    @Test
    void givenTwilioMediaUrlOnAnotherHostWhenOpenedThenTheAccountsCredentialsAreNotSentThere() throws Exception {
        elsewhere.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "image/png")
                .body("PNG")
                .build());
        server.enqueue(json(404, "{\"code\":20404}"));

        MediaFetch fetch = source.open(PIZZA, elsewhere.url("/media/ME2").toString());
        ((MediaFetch.Found) fetch).stream().close();

        assertThat(elsewhere.takeRequest().getHeaders().get("Authorization")).isNull();
        assertThat(source.open(
                        PIZZA,
                        server.url("/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME9")
                                .toString()))
                .isInstanceOf(MediaFetch.Gone.class);
        assertThat(source.open(PIZZA, "not a url")).isInstanceOf(MediaFetch.Gone.class);
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }
}
