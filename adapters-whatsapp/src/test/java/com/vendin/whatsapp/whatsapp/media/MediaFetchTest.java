package com.vendin.whatsapp.whatsapp.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.delivery.MediaKind;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Media;
import com.vendin.whatsapp.whatsapp.http.HttpClients;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The check of a reply's media before it is queued: status, content type and size per provider and kind. */
class MediaFetchTest {
    private final MockWebServer files = new MockWebServer();
    private final MediaFetch fetch = new MediaFetch(HttpClients.standard());

    @BeforeEach
    void start() throws Exception {
        files.start();
    }

    @AfterEach
    void stop() {
        files.close();
    }

    private Optional<String> check(Provider provider, MediaKind kind, MockResponse answer) {
        files.enqueue(answer);
        return fetch.problem(
                provider, new Media(kind, URI.create(files.url("/f").toString()), Optional.empty(), Optional.empty()));
    }

    private static MockResponse file(String type, int bytes) {
        return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", type)
                .body(new Buffer().write(new byte[bytes]))
                .build();
    }

    @Test
    void aFileOfAnAcceptedTypeWithinTheLimitPasses() {
        assertThat(check(Provider.FACEBOOK, MediaKind.IMAGE, file("image/jpeg", 10)))
                .isEmpty();
        assertThat(check(Provider.FACEBOOK, MediaKind.AUDIO, file("audio/ogg; codecs=opus", 10)))
                .isEmpty();
        assertThat(check(Provider.TWILIO, MediaKind.IMAGE, file("image/webp", 10)))
                .isEmpty();
        assertThat(check(Provider.FACEBOOK, MediaKind.DOCUMENT, file("application/pdf", 10)))
                .isEmpty();
    }

    @Test
    void eachProviderAcceptsItsOwnTypes() {
        assertThat(check(Provider.FACEBOOK, MediaKind.IMAGE, file("image/webp", 10)))
                .contains(
                        "content type image/webp is not accepted for image on facebook (accepted: image/jpeg, image/png)");
        assertThat(check(Provider.FACEBOOK, MediaKind.AUDIO, file("audio/webm", 10)))
                .isPresent();
        assertThat(check(Provider.TWILIO, MediaKind.DOCUMENT, file("text/plain", 10)))
                .isPresent();
    }

    @Test
    void aFileOverTheKindsLimitFailsWhetherOrNotItsLengthIsAnnounced() {
        assertThat(check(Provider.FACEBOOK, MediaKind.IMAGE, file("image/png", 5 * 1024 * 1024 + 1)))
                .contains("the image is larger than 5 MB (facebook's limit): 5242881 bytes");
        MockResponse chunked = new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "image/webp")
                .chunkedBody(new Buffer().write(new byte[501 * 1024]), 8192)
                .build();
        assertThat(check(Provider.TWILIO, MediaKind.STICKER, chunked))
                .contains("the sticker is larger than 500 KB (twilio's limit)");
    }

    @Test
    void aUrlThatFailsOrAnswersWithoutContentTypeFails() {
        assertThat(check(
                        Provider.FACEBOOK,
                        MediaKind.VIDEO,
                        new MockResponse.Builder().code(404).build()))
                .contains("the media URL answered HTTP 404");
        assertThat(check(
                        Provider.FACEBOOK,
                        MediaKind.VIDEO,
                        new MockResponse.Builder()
                                .code(200)
                                .removeHeader("Content-Type")
                                .body("x")
                                .build()))
                .contains("the media URL answered without a Content-Type");
        files.close();
        assertThat(fetch.problem(
                        Provider.FACEBOOK,
                        new Media(
                                MediaKind.IMAGE,
                                URI.create("http://127.0.0.1:1/x.png"),
                                Optional.empty(),
                                Optional.empty())))
                .hasValueSatisfying(why -> assertThat(why).startsWith("the media URL could not be fetched: "));
    }

    private static Optional<String> checkUrl(MediaFetch fetch, String url) {
        return fetch.problem(
                Provider.FACEBOOK, new Media(MediaKind.IMAGE, URI.create(url), Optional.empty(), Optional.empty()));
    }

    @Test
    void theCloudMetadataAddressIsNeverFetched() {
        long started = System.nanoTime();
        assertThat(checkUrl(fetch, "http://169.254.169.254/latest/meta-data/"))
                .hasValueSatisfying(why -> assertThat(why).contains("link-local"));
        assertThat(checkUrl(fetch, "http://[fe80::1]:8080/f.jpg"))
                .hasValueSatisfying(why -> assertThat(why).contains("link-local"));
        assertThat(checkUrl(fetch, "http://0.0.0.0:" + files.getPort() + "/f"))
                .hasValueSatisfying(why -> assertThat(why).contains("wildcard"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(MediaFetch.CONNECT_TIMEOUT);
        assertThat(files.getRequestCount()).isZero();
    }

    @Test
    void aNameThatResolvesToTheMetadataAddressIsRefusedToo() throws Exception {
        InetAddress metadata = InetAddress.getByName("169.254.169.254");
        MediaFetch rebound = new MediaFetch(HttpClients.standard()
                .newBuilder()
                .dns(host -> List.of(metadata))
                .build());
        assertThat(checkUrl(rebound, "http://files.moda-brasil.example/f.jpg"))
                .hasValueSatisfying(why -> assertThat(why).contains("link-local"));
    }

    @Test
    void aRedirectToTheMetadataAddressIsNotFollowed() {
        files.enqueue(new MockResponse.Builder()
                .code(302)
                .setHeader("Location", "http://169.254.169.254/latest/meta-data/iam/")
                .build());
        assertThat(checkUrl(fetch, files.url("/f.jpg").toString()))
                .hasValueSatisfying(why -> assertThat(why).contains("link-local"));
        assertThat(files.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aUrlOkHttpCannotReadIsRefusedWithoutRepeatingItsCredentials() {
        assertThat(checkUrl(fetch, "http://shop:s3cr3t@cdn.example:99999/a.png"))
                .hasValueSatisfying(why ->
                        assertThat(why).contains("not a valid http(s) URL").doesNotContain("s3cr3t"));
    }
}
