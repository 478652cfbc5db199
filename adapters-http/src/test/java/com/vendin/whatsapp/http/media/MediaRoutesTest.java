package com.vendin.whatsapp.http.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.http.GatewayHttpServer;
import com.vendin.whatsapp.http.HttpConfig;
import com.vendin.whatsapp.http.common.ApiErrors;
import com.vendin.whatsapp.ports.media.MediaFetch;
import com.vendin.whatsapp.ports.media.MediaStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MediaRoutesTest {
    private final OkHttpClient client = new OkHttpClient();
    private final AtomicBoolean closed = new AtomicBoolean();
    private GatewayHttpServer server;

    private void start(MediaFetch answer) {
        server = new GatewayHttpServer(
                new HttpConfig(0, Optional.empty(), Optional.empty(), Optional.empty()),
                new ApiErrors(GatewayHttpServer.SHARED_MAPPER),
                List.of(new MediaRoutes(token -> answer, GatewayHttpServer.SHARED_MAPPER)));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void givenFoundMediaWhenRequestedThenStreamedWithTheProvidersTypeAndLengthUncompressedAndClosed()
            throws IOException {
        byte[] pdf = "%PDF-1.7 ".repeat(500).getBytes();
        start(new MediaFetch.Found(new MediaStream(
                new ByteArrayInputStream(pdf) {
                    @Override
                    public void close() throws IOException {
                        closed.set(true);
                        super.close();
                    }
                },
                Optional.of("application/pdf"),
                OptionalLong.of(pdf.length))));

        try (Response response = get("/media/tok", "gzip")) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.header("Content-Type")).isEqualTo("application/pdf");
            assertThat(response.header("Content-Length")).isEqualTo(Integer.toString(pdf.length));
            assertThat(response.header("Content-Encoding")).isNull();
            assertThat(response.body().bytes()).isEqualTo(pdf);
        }
        // the server closes the stream after the last byte is written, which the client may read first
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (!closed.get() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(closed).isTrue();
    }

    @Test
    void givenProviderThatCannotBeAskedWhenRequestedThen502WithAnErrorBody() throws IOException {
        start(new MediaFetch.Unavailable("the Graph API media lookup answered HTTP 500"));

        try (Response response = get("/media/tok", null)) {
            assertThat(response.code()).isEqualTo(502);
            assertThat(response.body().string()).contains("\"code\":\"provider_error\"");
        }
    }

    @Test
    void aHeadRequestAnswersTheHeadersAndReleasesTheProvidersStream() throws IOException {
        byte[] jpeg = new byte[4096];
        start(new MediaFetch.Found(new MediaStream(
                new ByteArrayInputStream(jpeg) {
                    @Override
                    public void close() throws IOException {
                        closed.set(true);
                        super.close();
                    }
                },
                Optional.of("image/jpeg"),
                OptionalLong.of(jpeg.length))));

        Request head = new Request.Builder()
                .url("http://127.0.0.1:" + server.port() + "/media/tok")
                .head()
                .build();
        try (Response response = client.newCall(head).execute()) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.header("Content-Type")).isEqualTo("image/jpeg");
            assertThat(response.header("Content-Length")).isEqualTo("4096");
            assertThat(response.header("Cache-Control")).isEqualTo("private, no-store");
        }
        assertThat(closed).isTrue();
    }

    @Test
    void aHeadRequestOnAForgedOrGoneLinkIsNotOk() throws IOException {
        start(new MediaFetch.Forbidden());
        Request head = new Request.Builder()
                .url("http://127.0.0.1:" + server.port() + "/media/garbage")
                .head()
                .build();
        try (Response response = client.newCall(head).execute()) {
            assertThat(response.code()).isEqualTo(403);
        }
        server.stop();
        start(new MediaFetch.Gone());
        try (Response response = client.newCall(head.newBuilder()
                        .url("http://127.0.0.1:" + server.port() + "/media/old")
                        .build())
                .execute()) {
            assertThat(response.code()).isEqualTo(410);
        }
    }

    private Response get(String path, String acceptEncoding) throws IOException {
        Request.Builder request = new Request.Builder().url("http://127.0.0.1:" + server.port() + path);
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return client.newCall(request.build()).execute();
    }
}
