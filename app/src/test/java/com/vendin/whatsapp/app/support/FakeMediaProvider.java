package com.vendin.whatsapp.app.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Credentials;
import okio.Buffer;
import okio.BufferedSink;

/**
 * Meta's Graph API and Twilio's REST API as far as inbound media goes (docs/PROVIDERS.md §1.5 and
 * §2.1), played by one MockWebServer. Graph: {@code GET /v25.0/{media-id}} with the owning
 * number's bearer token answers the media's JSON with a download {@code url} on this server, which in turn needs
 * the same token; an unknown id is Graph's 404. Twilio: {@code GET MediaUrl} with the account's basic auth
 * redirects (307) to its media store. Every other request (e.g. the typing indicator) is answered 200.
 * Every request is kept in {@link #requests()}.
 */
public final class FakeMediaProvider implements AutoCloseable {
    private final MockWebServer server = new MockWebServer();
    private final Map<String, Media> media = new ConcurrentHashMap<>();
    private final List<Seen> requests = new CopyOnWriteArrayList<>();

    /** A request the gateway made: method, path with query, and its {@code Authorization} header. */
    public record Seen(String method, String path, String authorization) {}

    /** A media item: served with {@code contentType}, readable with {@code authorization} only. */
    private record Media(String contentType, MockResponseBody body, String authorization, boolean gone) {}

    /** A {@code size}-byte body of {@link #byteAt} bytes that writes its first {@code beforeGate} bytes, then waits. */
    public static final class GatedBody implements MockResponseBody {
        private final long size;
        private final long beforeGate;
        private final CountDownLatch gate = new CountDownLatch(1);
        private volatile boolean passedGate;

        public GatedBody(long size, long beforeGate) {
            this.size = size;
            this.beforeGate = beforeGate;
        }

        /** Lets the rest of the body go. */
        public void open() {
            gate.countDown();
        }

        /** Whether the body had got past its first {@code beforeGate} bytes. */
        public boolean passedGate() {
            return passedGate;
        }

        @Override
        public long getContentLength() {
            return size;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            byte[] chunk = new byte[64 * 1024];
            long written = 0;
            boolean waited = false;
            while (written < size) {
                if (!waited && written >= beforeGate) {
                    sink.flush();
                    await();
                    passedGate = true;
                    waited = true;
                }
                int n = (int) Math.min(chunk.length, size - written);
                for (int i = 0; i < n; i++) {
                    chunk[i] = byteAt(written + i);
                }
                sink.write(chunk, 0, n);
                written += n;
            }
            sink.flush();
        }

        private void await() throws IOException {
            try {
                gate.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    /** The byte at {@code offset} of every generated body. */
    public static byte byteAt(long offset) {
        return (byte) (offset * 31 + (offset >>> 13));
    }

    public FakeMediaProvider start() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return handle(request);
            }
        });
        server.start();
        return this;
    }

    /** The base URL to give as {@code FACEBOOK_GRAPH_URL}. */
    public String graphUrl() {
        return server.url("/v25.0").toString();
    }

    /** The base URL to give as {@code TWILIO_API_URL}. */
    public String twilioUrl() {
        return server.url("/").toString().replaceAll("/$", "");
    }

    /** A Meta media id whose bytes need {@code Bearer <token>}. */
    public FakeMediaProvider metaMedia(String mediaId, String token, String contentType, byte[] bytes) {
        return metaMedia(mediaId, token, contentType, bodyOf(bytes));
    }

    public FakeMediaProvider metaMedia(String mediaId, String token, String contentType, MockResponseBody body) {
        media.put("meta:" + mediaId, new Media(contentType, body, "Bearer " + token, false));
        return this;
    }

    /** The {@code MediaUrl} of a Twilio media item of account {@code sid}, readable with its basic auth. */
    public String twilioMedia(
            String sid, String authToken, String messageSid, String mediaSid, String contentType, byte[] bytes) {
        media.put(
                "twilio:" + mediaSid,
                new Media(
                        contentType, bodyOf(bytes), Credentials.basic(sid, authToken, StandardCharsets.UTF_8), false));
        return twilioMediaUrl(sid, messageSid, mediaSid);
    }

    /** The {@code MediaUrl} of a Twilio media item Twilio has deleted (404). */
    public String twilioMediaUrl(String sid, String messageSid, String mediaSid) {
        return server.url("/2010-04-01/Accounts/" + sid + "/Messages/" + messageSid + "/Media/" + mediaSid)
                .toString();
    }

    public List<Seen> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.close();
    }

    private MockResponse handle(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        String authorization = request.getHeaders().get("Authorization");
        String query = request.getUrl().encodedQuery();
        requests.add(new Seen(request.getMethod(), path + (query == null ? "" : "?" + query), authorization));
        if (!"GET".equals(request.getMethod())) {
            return json(200, "{\"success\":true}");
        }
        String[] segments = path.substring(1).split("/");
        if (segments.length == 2 && segments[0].equals("v25.0")) {
            return lookup(segments[1], authorization);
        }
        if (segments.length == 3 && segments[0].equals("download")) {
            return download("meta:" + segments[2], authorization);
        }
        if (segments.length == 7 && segments[5].equals("Media")) {
            Media item = media.get("twilio:" + segments[6]);
            if (item == null) {
                return json(
                        404, "{\"code\":20404,\"message\":\"The requested resource was not found\",\"status\":404}");
            }
            if (!item.authorization().equals(authorization)) {
                return json(401, "{\"code\":20003,\"message\":\"Authenticate\",\"status\":401}");
            }
            return new MockResponse.Builder()
                    .code(307)
                    .setHeader("Location", "/cdn/" + segments[6])
                    .build();
        }
        if (segments.length == 2 && segments[0].equals("cdn")) {
            return serve(media.get("twilio:" + segments[1]));
        }
        return json(404, "{}");
    }

    private MockResponse lookup(String mediaId, String authorization) {
        Media item = media.get("meta:" + mediaId);
        if (item == null) {
            return json(
                    404,
                    "{\"error\":{\"message\":\"Unsupported get request. Object with ID '" + mediaId
                            + "' does not exist\",\"type\":\"GraphMethodException\",\"code\":100,\"error_subcode\":33}}");
        }
        if (!item.authorization().equals(authorization)) {
            return json(
                    401,
                    "{\"error\":{\"message\":\"Invalid OAuth access token.\",\"type\":\"OAuthException\","
                            + "\"code\":190}}");
        }
        return json(
                200,
                "{\"messaging_product\":\"whatsapp\",\"url\":\"" + server.url("/download/x/" + mediaId)
                        + "\",\"mime_type\":\"" + item.contentType() + "\",\"sha256\":\"c2hh\",\"file_size\":\""
                        + item.body().getContentLength() + "\",\"id\":\"" + mediaId + "\"}");
    }

    private MockResponse download(String key, String authorization) {
        Media item = media.get(key);
        if (item != null && !item.authorization().equals(authorization)) {
            return json(401, "{}");
        }
        return serve(item);
    }

    private static MockResponse serve(Media item) {
        if (item == null) {
            return json(404, "{}");
        }
        return new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", item.contentType())
                .setHeader("Content-Length", item.body().getContentLength())
                .body(item.body())
                .build();
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .setHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }

    private static MockResponseBody bodyOf(byte[] bytes) {
        Buffer buffer = new Buffer().write(bytes);
        return new MockResponseBody() {
            @Override
            public long getContentLength() {
                return bytes.length;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                sink.write(buffer.copy(), bytes.length);
            }
        };
    }
}
