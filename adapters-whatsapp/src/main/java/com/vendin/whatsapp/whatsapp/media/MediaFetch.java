package com.vendin.whatsapp.whatsapp.media;

import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.delivery.MediaProbe;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Media;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Fetches the media a tenant's reply names by URL (CONTRACT §3.1), with its own timeouts, and checks the answer
 * against {@link MediaLimits}: before a reply is queued ({@link MediaProbe}) and again when the file is uploaded.
 * Its connections never go to a link-local address such as the cloud metadata service ({@link NoLinkLocalSockets}).
 */
public final class MediaFetch implements MediaProbe {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Longest pause between two reads of the file. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    /** Longest whole fetch (and upload, which streams the fetch): 100 MB documents need time. */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    /**
     * Longest check of one URL before a reply is queued: the delivery's lease (90 s) covers the tenant call (30 s)
     * and these checks. Static files announce their length and are judged by their headers alone.
     */
    public static final Duration PROBE_TIMEOUT = Duration.ofSeconds(15);

    private final OkHttpClient client;
    private final OkHttpClient probe;

    /** Shares {@code base}'s pool, with the media timeouts. */
    public MediaFetch(OkHttpClient base) {
        this.client = Objects.requireNonNull(base, "base")
                .newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(READ_TIMEOUT)
                .writeTimeout(READ_TIMEOUT)
                .callTimeout(CALL_TIMEOUT)
                .socketFactory(new NoLinkLocalSockets())
                .build();
        this.probe = client.newBuilder().callTimeout(PROBE_TIMEOUT).build();
    }

    public OkHttpClient client() {
        return client;
    }

    /** Starts fetching {@code media}; the caller closes the response. */
    public Response open(Media media) throws IOException {
        return open(client, media);
    }

    private static Response open(OkHttpClient client, Media media) throws IOException {
        HttpUrl url = HttpUrl.parse(media.url().toString());
        if (url == null) {
            // never the URL itself: it may carry the tenant's credentials (user:password@) into lastError and logs
            throw new IOException("not a valid http(s) URL");
        }
        return client.newCall(new Request.Builder().url(url).get().build()).execute();
    }

    /** Why the answer to a fetch cannot go as {@code media} on {@code provider}, judged from its status and headers. */
    public static Optional<String> problem(Provider provider, Media media, Response response) {
        if (!response.isSuccessful()) {
            return Optional.of("the media URL answered HTTP " + response.code());
        }
        return MediaLimits.problem(
                provider,
                media.kind(),
                Optional.ofNullable(response.header("Content-Type")),
                response.body().contentLength());
    }

    /** Reads and drops the bytes of {@code source}, up to one more than {@code max}; returns how many it read. */
    private static long count(BufferedSource source, long max) throws IOException {
        long total = 0;
        Buffer chunk = new Buffer();
        while (total <= max) {
            long read = source.read(chunk, 64 * 1024);
            if (read < 0) {
                break;
            }
            total += read;
            chunk.clear();
        }
        return total;
    }

    @Override
    public Optional<String> problem(Provider provider, Media media) {
        try (Response response = open(probe, media)) {
            Optional<String> problem = problem(provider, media, response);
            if (problem.isPresent() || response.body().contentLength() >= 0) {
                return problem;
            }
            long max = MediaLimits.of(provider, media.kind()).maxBytes();
            return count(response.body().source(), max) > max
                    ? Optional.of(MediaLimits.tooLarge(provider, media.kind(), -1))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.of("the media URL could not be fetched: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }
}
