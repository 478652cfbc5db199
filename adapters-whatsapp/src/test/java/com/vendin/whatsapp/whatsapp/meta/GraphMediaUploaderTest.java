package com.vendin.whatsapp.whatsapp.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.delivery.MediaKind;
import com.vendin.whatsapp.ports.delivery.MediaUploader;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Media;
import com.vendin.whatsapp.ports.delivery.SenderAccount;
import com.vendin.whatsapp.whatsapp.http.HttpClients;
import com.vendin.whatsapp.whatsapp.media.MediaFetch;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Uploading a reply's media to Meta ({@code POST /{phoneId}/media}, Meta docs: "Upload media"). */
class GraphMediaUploaderTest {
    private static final SenderAccount ACCOUNT = SenderAccount.meta("520000000000002", new Secret("EAAG-token"));

    private final MockWebServer graph = new MockWebServer();
    private final MockWebServer files = new MockWebServer();
    private GraphMediaUploader uploader;

    @BeforeEach
    void start() throws Exception {
        graph.start();
        files.start();
        uploader = new GraphMediaUploader(
                new MediaFetch(HttpClients.standard()), graph.url("/v25.0").toString());
    }

    @AfterEach
    void stop() {
        graph.close();
        files.close();
    }

    private Media media(MediaKind kind, String path, Optional<String> filename) {
        return new Media(kind, URI.create(files.url(path).toString()), Optional.empty(), filename);
    }

    private void serve(String contentType, byte[] bytes) {
        files.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", contentType)
                .body(new Buffer().write(bytes))
                .build());
    }

    @Test
    void givenAPngWhenUploadedThenGraphGetsTheMultipartFormAndItsIdIsReturned() throws Exception {
        byte[] png = "\u0089PNG-bytes".getBytes(StandardCharsets.ISO_8859_1);
        serve("image/png", png);
        graph.enqueue(
                new MockResponse(200, Headers.of("Content-Type", "application/json"), "{\"id\":\"1013859600285441\"}"));

        MediaUploader.Outcome outcome =
                uploader.upload(ACCOUNT, media(MediaKind.IMAGE, "/img/shirt.png", Optional.empty()));

        assertThat(outcome).isEqualTo(new MediaUploader.Uploaded("1013859600285441"));
        RecordedRequest upload = graph.takeRequest(5, TimeUnit.SECONDS);
        assertThat(upload.getRequestLine()).isEqualTo("POST /v25.0/520000000000002/media HTTP/1.1");
        assertThat(upload.getHeaders().get("Authorization")).isEqualTo("Bearer EAAG-token");
        assertThat(upload.getHeaders().get("Content-Type")).startsWith("multipart/form-data; boundary=");
        String body = upload.getBody().string(StandardCharsets.ISO_8859_1);
        assertThat(body)
                .contains("Content-Disposition: form-data; name=\"messaging_product\"\r\n\r\nwhatsapp\r\n")
                .contains("Content-Disposition: form-data; name=\"type\"\r\n\r\nimage/png\r\n")
                .contains("Content-Disposition: form-data; name=\"file\"; filename=\"shirt.png\"\r\n"
                        + "Content-Type: image/png\r\n\r\n" + new String(png, StandardCharsets.ISO_8859_1) + "\r\n");
    }

    @Test
    void givenAPlainOggVoiceNoteWhenUploadedThenItIsDeclaredAsOpusAndADocumentKeepsItsFilename() throws Exception {
        serve("audio/ogg", new byte[] {1, 2, 3});
        graph.enqueue(new MockResponse(200, Headers.of(), "{\"id\":\"m-audio\"}"));
        serve("application/pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII));
        graph.enqueue(new MockResponse(200, Headers.of(), "{\"id\":\"m-doc\"}"));

        assertThat(uploader.upload(ACCOUNT, media(MediaKind.AUDIO, "/v.ogg", Optional.empty())))
                .isEqualTo(new MediaUploader.Uploaded("m-audio"));
        assertThat(uploader.upload(ACCOUNT, media(MediaKind.DOCUMENT, "/x", Optional.of("nota fiscal.pdf"))))
                .isEqualTo(new MediaUploader.Uploaded("m-doc"));

        assertThat(graph.takeRequest(5, TimeUnit.SECONDS).getBody().string(StandardCharsets.ISO_8859_1))
                .contains("name=\"type\"\r\n\r\naudio/ogg; codecs=opus\r\n");
        assertThat(graph.takeRequest(5, TimeUnit.SECONDS).getBody().string(StandardCharsets.ISO_8859_1))
                .contains("name=\"file\"; filename=\"nota fiscal.pdf\"");
    }

    @Test
    void givenAUrlAnswering404OrTheWrongTypeWhenUploadedThenInvalidAndGraphIsNotCalled() {
        files.enqueue(new MockResponse.Builder().code(404).body("gone").build());
        serve("text/html", "<html>".getBytes(StandardCharsets.UTF_8));

        assertThat(uploader.upload(ACCOUNT, media(MediaKind.IMAGE, "/gone.png", Optional.empty())))
                .isEqualTo(new MediaUploader.Invalid("the media URL answered HTTP 404"));
        assertThat(uploader.upload(ACCOUNT, media(MediaKind.IMAGE, "/page", Optional.empty())))
                .isInstanceOfSatisfying(
                        MediaUploader.Invalid.class,
                        i -> assertThat(i.why()).startsWith("content type text/html is not accepted for image"));
        assertThat(graph.getRequestCount()).isZero();
    }

    @Test
    void givenAFileLargerThanTheKindsLimitWhenUploadedThenInvalid() {
        serve("image/webp", new byte[600 * 1024]);

        assertThat(uploader.upload(ACCOUNT, media(MediaKind.STICKER, "/big.webp", Optional.empty())))
                .isEqualTo(new MediaUploader.Invalid(
                        "the sticker is larger than 500 KB (facebook's limit): 614400 bytes"));
        assertThat(graph.getRequestCount()).isZero();
    }

    @Test
    void givenGraphRefusingTheUploadWhenUploadedThenFailedWithMetasCodeAndRetryability() {
        serve("image/jpeg", new byte[] {1});
        graph.enqueue(new MockResponse(
                500,
                Headers.of("Content-Type", "application/json"),
                "{\"error\":{\"message\":\"Service unavailable\",\"type\":\"OAuthException\",\"code\":131016}}"));
        serve("image/jpeg", new byte[] {1});
        graph.enqueue(
                new MockResponse(
                        401,
                        Headers.of("Content-Type", "application/json"),
                        "{\"error\":{\"message\":\"Error validating access token\",\"type\":\"OAuthException\",\"code\":190}}"));

        assertThat(uploader.upload(ACCOUNT, media(MediaKind.IMAGE, "/a.jpg", Optional.empty())))
                .isInstanceOfSatisfying(MediaUploader.Failed.class, f -> {
                    assertThat(f.failure().code()).isEqualTo("131016");
                    assertThat(f.failure().retryable()).isTrue();
                });
        assertThat(uploader.upload(ACCOUNT, media(MediaKind.IMAGE, "/a.jpg", Optional.empty())))
                .isInstanceOfSatisfying(MediaUploader.Failed.class, f -> {
                    assertThat(f.failure().code()).isEqualTo("190");
                    assertThat(f.failure().reauthRequired()).isTrue();
                });
    }
}
