package com.vendin.whatsapp.whatsapp.meta;

import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.delivery.MediaUploader;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Media;
import com.vendin.whatsapp.ports.delivery.SendOutcome;
import com.vendin.whatsapp.ports.delivery.SenderAccount;
import com.vendin.whatsapp.whatsapp.http.BaseUrls;
import com.vendin.whatsapp.whatsapp.http.ProviderCall;
import com.vendin.whatsapp.whatsapp.http.ProviderJson;
import com.vendin.whatsapp.whatsapp.media.MediaFetch;
import com.vendin.whatsapp.whatsapp.media.MediaLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSink;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads a reply's media to Meta ({@code POST {graph}/{phoneId}/media}, multipart {@code messaging_product},
 * {@code type}, {@code file}; Meta docs: "Upload media"): the file is streamed from its URL into the upload,
 * never held whole in memory, and cut off at the kind's size limit.
 */
public final class GraphMediaUploader implements MediaUploader {
    private static final Logger LOG = LoggerFactory.getLogger(GraphMediaUploader.class);

    private final MediaFetch fetch;
    private final HttpUrl baseUrl;

    public GraphMediaUploader(MediaFetch fetch, String graphBaseUrl) {
        this.fetch = Objects.requireNonNull(fetch, "fetch");
        this.baseUrl = BaseUrls.parse(graphBaseUrl, "FACEBOOK_GRAPH_URL");
    }

    @Override
    public Outcome upload(SenderAccount from, Media media) {
        Optional<String> phoneId = from.phoneId().filter(id -> !id.isBlank());
        Optional<Secret> token = from.accessToken();
        if (phoneId.isEmpty() || token.isEmpty()) {
            return new Failed(new SendOutcome.Failed(
                    "not_configured", "the sending number has no Meta phone id or access token", false, false));
        }
        try (Response source = fetch.open(media)) {
            Optional<String> problem = MediaFetch.problem(Provider.FACEBOOK, media, source);
            if (problem.isPresent()) {
                return new Invalid(problem.get());
            }
            Outcome outcome = post(phoneId.get(), token.get(), media, source);
            LOG.info(
                    "whatsapp media upload provider=facebook phoneId={} kind={} outcome={}",
                    phoneId.get(),
                    media.kind().wireName(),
                    outcome.getClass().getSimpleName().toLowerCase());
            return outcome;
        } catch (IOException e) {
            return new Failed(new SendOutcome.Failed(
                    "network",
                    ProviderCall.shorten(
                            "fetching the media failed: " + e.getClass().getSimpleName() + ": " + e.getMessage()),
                    true,
                    false));
        }
    }

    private Outcome post(String phoneId, Secret token, Media media, Response source) {
        String type = MediaLimits.uploadType(media.kind(), source.header("Content-Type"));
        long max = MediaLimits.of(Provider.FACEBOOK, media.kind()).maxBytes();
        Bounded file = new Bounded(
                source.body().source(), MediaType.get(type), source.body().contentLength(), max);
        MultipartBody body = new MultipartBody.Builder()
                .setType(MultipartBody.FORM)
                .addFormDataPart("messaging_product", "whatsapp")
                .addFormDataPart("type", type)
                .addFormDataPart("file", fileName(media), file)
                .build();
        Request request;
        try {
            request = new Request.Builder()
                    .url(BaseUrls.join(baseUrl, phoneId, "media"))
                    .header("Authorization", "Bearer " + token.reveal())
                    .header("Accept", "application/json")
                    .post(body)
                    .build();
        } catch (IllegalArgumentException e) {
            return new Failed(new SendOutcome.Failed(
                    "not_configured", "the access token is not a valid header value", false, false));
        }
        try (Response answer = fetch.client().newCall(request).execute()) {
            return interpret(read(answer));
        } catch (IOException e) {
            if (file.exceeded) {
                return new Invalid(MediaLimits.tooLarge(Provider.FACEBOOK, media.kind(), -1));
            }
            return new Failed(new SendOutcome.Failed(
                    "network",
                    ProviderCall.shorten(
                            "uploading the media failed: " + e.getClass().getSimpleName() + ": " + e.getMessage()),
                    true,
                    false));
        }
    }

    static Outcome interpret(ProviderCall.Reply reply) {
        if (!reply.successful()) {
            return new Failed(GraphErrors.classify(reply));
        }
        return ProviderJson.object(reply)
                .flatMap(json -> ProviderJson.text(json.path("id")))
                .<Outcome>map(Uploaded::new)
                .orElseGet(() -> new Failed(new SendOutcome.Failed(
                        "invalid_response",
                        "HTTP " + reply.status() + " from the Graph API media upload without an id",
                        false,
                        false)));
    }

    private static ProviderCall.Reply read(Response response) throws IOException {
        try (InputStream in = response.body().byteStream()) {
            byte[] bytes = in.readNBytes(ProviderCall.MAX_BODY_BYTES + 1);
            int length = Math.min(bytes.length, ProviderCall.MAX_BODY_BYTES);
            return new ProviderCall.Reply(
                    response.code(),
                    new String(bytes, 0, length, StandardCharsets.UTF_8),
                    bytes.length <= ProviderCall.MAX_BODY_BYTES);
        }
    }

    /** The document's filename, else the last segment of the URL's path, else {@code file}. */
    static String fileName(Media media) {
        if (media.filename().isPresent()) {
            return media.filename().get();
        }
        String path = Optional.ofNullable(media.url().getPath()).orElse("");
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isBlank() ? "file" : last;
    }

    /** The fetched bytes as a request body, streamed once, failing past {@code max} bytes. */
    private static final class Bounded extends RequestBody {
        private final BufferedSource source;
        private final MediaType type;
        private final long length;
        private final long max;
        private volatile boolean exceeded;

        Bounded(BufferedSource source, MediaType type, long length, long max) {
            this.source = source;
            this.type = type;
            this.length = length;
            this.max = max;
        }

        @Override
        public MediaType contentType() {
            return type;
        }

        @Override
        public long contentLength() {
            return length;
        }

        @Override
        public boolean isOneShot() {
            return true;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            long total = 0;
            Buffer chunk = new Buffer();
            while (true) {
                long read = source.read(chunk, 64 * 1024);
                if (read < 0) {
                    return;
                }
                total += read;
                if (total > max) {
                    exceeded = true;
                    throw new IOException("the media is larger than " + max + " bytes");
                }
                sink.write(chunk, read);
            }
        }
    }
}
