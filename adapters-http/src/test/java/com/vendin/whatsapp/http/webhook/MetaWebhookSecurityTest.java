package com.vendin.whatsapp.http.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.http.HttpConfig;
import com.vendin.whatsapp.http.support.Json;
import com.vendin.whatsapp.http.support.MetaPayloads;
import com.vendin.whatsapp.http.support.TestServer;
import com.vendin.whatsapp.http.support.TestServer.Reply;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetaWebhookSecurityTest {
    private static final String PATH = "/webhooks/whatsapp/facebook";
    private static final MediaType JSON = MediaType.get("application/json");

    private TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void givenRightSignatureWhenPostedThenAcknowledgedAfterRecording() {
        byte[] body =
                MetaPayloads.messages(MetaPayloads.text("wamid.1", "Hola")).getBytes(StandardCharsets.UTF_8);

        Reply reply = post(body, MetaPayloads.signature(body));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(Json.parse(reply.body()).path("success").asBoolean()).isTrue();
        assertThat(server.receiver.messages()).hasSize(1);
    }

    @Test
    void givenNoSignatureHeaderWhenPostedThen401AndNothingPassedOn() {
        byte[] body =
                MetaPayloads.messages(MetaPayloads.text("wamid.1", "Hola")).getBytes(StandardCharsets.UTF_8);

        Reply reply = post(body, null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(Json.parse(reply.body()).at("/error/code").asText()).isEqualTo("invalid_signature");
        assertThat(server.receiver.batches()).isEmpty();
    }

    @Test
    void givenMalformedSignaturesWhenPostedThen401() {
        byte[] body =
                MetaPayloads.messages(MetaPayloads.text("wamid.1", "Hola")).getBytes(StandardCharsets.UTF_8);
        String right = MetaPayloads.signature(body);

        for (String header : List.of(
                "",
                "sha256=",
                "sha256=abc",
                right.substring("sha256=".length()),
                "sha1=" + right.substring(7),
                right + "00",
                "sha256=" + "z".repeat(64))) {
            assertThat(post(body, header).status()).as("header '%s'", header).isEqualTo(401);
        }
        assertThat(server.receiver.batches()).isEmpty();
    }

    @Test
    void givenSignatureOfOtherBytesWhenPostedThen401() {
        byte[] body =
                MetaPayloads.messages(MetaPayloads.text("wamid.1", "Hola")).getBytes(StandardCharsets.UTF_8);
        byte[] tampered =
                MetaPayloads.messages(MetaPayloads.text("wamid.1", "Hola!")).getBytes(StandardCharsets.UTF_8);

        Reply reply = post(tampered, MetaPayloads.signature(body));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(server.receiver.batches()).isEmpty();
    }

    @Test
    void givenNoAppSecretConfiguredWhenPostedWithAnySignatureThen401() {
        server.close();
        server = TestServer.start(new HttpConfig(0, Optional.empty(), Optional.of("v"), Optional.empty()), List.of());
        byte[] body =
                MetaPayloads.messages(MetaPayloads.text("wamid.1", "Hola")).getBytes(StandardCharsets.UTF_8);

        assertThat(post(body, MetaPayloads.signature(body)).status()).isEqualTo(401);
        assertThat(server.receiver.batches()).isEmpty();
    }

    @Test
    void givenSignedBodyThatIsNotJsonWhenPostedThen400() {
        byte[] body = "not json at all".getBytes(StandardCharsets.UTF_8);

        Reply reply = post(body, MetaPayloads.signature(body));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(Json.parse(reply.body()).at("/error/code").asText()).isEqualTo("invalid_json");
    }

    @Test
    void givenSignedPayloadOfAnotherObjectWhenPostedThen400() {
        byte[] body = "{\"object\":\"page\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);

        Reply reply = post(body, MetaPayloads.signature(body));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(server.receiver.batches()).isEmpty();
    }

    @Test
    void givenBodyOfExactlyTheLimitWhenPostedSignedThenAccepted() {
        byte[] body = padded(HttpConfig.DEFAULT_MAX_WEBHOOK_BYTES);

        assertThat(post(body, MetaPayloads.signature(body)).status()).isEqualTo(200);
    }

    @Test
    void givenBodyOneByteOverTheLimitWithContentLengthWhenPostedThen413() {
        byte[] body = padded(HttpConfig.DEFAULT_MAX_WEBHOOK_BYTES + 1);

        Reply reply = post(body, MetaPayloads.signature(body));

        assertThat(reply.status()).isEqualTo(413);
        assertThat(Json.parse(reply.body()).at("/error/code").asText()).isEqualTo("payload_too_large");
        assertThat(server.receiver.batches()).isEmpty();
    }

    @Test
    void givenChunkedBodyOneByteOverTheLimitWhenPostedThen413() {
        byte[] body = padded(HttpConfig.DEFAULT_MAX_WEBHOOK_BYTES + 1);

        Reply reply = server.execute(new Request.Builder()
                .url(server.url(PATH))
                .header("X-Hub-Signature-256", MetaPayloads.signature(body))
                .post(chunked(body))
                .build());

        assertThat(reply.status()).isEqualTo(413);
        assertThat(server.receiver.batches()).isEmpty();
    }

    @Test
    void givenChunkedBodyWithinTheLimitWhenPostedSignedThenAccepted() {
        byte[] body =
                MetaPayloads.messages(MetaPayloads.text("wamid.1", "Hola")).getBytes(StandardCharsets.UTF_8);

        Reply reply = server.execute(new Request.Builder()
                .url(server.url(PATH))
                .header("X-Hub-Signature-256", MetaPayloads.signature(body))
                .post(chunked(body))
                .build());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(server.receiver.messages()).hasSize(1);
    }

    @Test
    void givenReceiverThrowsWhenPostedThen500SoMetaRetries() {
        server.receiver.failWith(new IllegalStateException("database is locked"));
        byte[] body =
                MetaPayloads.messages(MetaPayloads.text("wamid.1", "Hola")).getBytes(StandardCharsets.UTF_8);

        Reply reply = post(body, MetaPayloads.signature(body));

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.body()).doesNotContain("success");
    }

    private Reply post(byte[] body, String signature) {
        Request.Builder request = new Request.Builder().url(server.url(PATH)).post(RequestBody.create(body, JSON));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return server.execute(request.build());
    }

    /** A valid webhook JSON body padded with spaces to exactly {@code size} bytes. */
    private static byte[] padded(long size) {
        byte[] json = MetaPayloads.messages(MetaPayloads.text("wamid.big", "x")).getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[(int) size];
        System.arraycopy(json, 0, body, 0, json.length);
        java.util.Arrays.fill(body, json.length, body.length, (byte) ' ');
        return body;
    }

    private static RequestBody chunked(byte[] body) {
        return new RequestBody() {
            @Override
            public MediaType contentType() {
                return JSON;
            }

            @Override
            public long contentLength() {
                return -1;
            }

            @Override
            public void writeTo(BufferedSink sink) throws java.io.IOException {
                sink.write(body);
            }
        };
    }
}
