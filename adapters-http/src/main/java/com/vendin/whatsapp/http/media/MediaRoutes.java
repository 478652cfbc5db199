package com.vendin.whatsapp.http.media;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vendin.whatsapp.http.RouteGroup;
import com.vendin.whatsapp.http.common.ApiErrors;
import com.vendin.whatsapp.ports.media.FetchMedia;
import com.vendin.whatsapp.ports.media.MediaFetch;
import com.vendin.whatsapp.ports.media.MediaStream;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /media/{token}} (CONTRACT §3.3): streams an inbound media item from its provider, with the
 * provider's {@code Content-Type} and {@code Content-Length} when known, never holding it whole in memory.
 * A forged or expired link is 403, a media the provider no longer has 410, a provider that cannot be asked 502.
 */
public final class MediaRoutes implements RouteGroup {
    public static final String PATH = "/media/{token}";
    private static final String OCTETS = "application/octet-stream";

    private final FetchMedia media;
    private final ApiErrors errors;

    public MediaRoutes(FetchMedia media, ObjectMapper mapper) {
        this.media = Objects.requireNonNull(media, "media");
        this.errors = new ApiErrors(mapper);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATH, ctx -> serve(ctx, true));
        routes.head(PATH, ctx -> serve(ctx, false));
    }

    /**
     * A GET streams the bytes; a HEAD checks the link the same way and answers the same status and headers with no
     * body (without its own route Javalin would answer every HEAD 200, forged links included).
     */
    private void serve(Context ctx, boolean withBody) {
        MediaFetch fetch = media.fetch(ctx.pathParam("token"));
        ctx.header("Cache-Control", "private, no-store");
        if (fetch instanceof MediaFetch.Found found) {
            if (withBody) {
                stream(ctx, found.stream());
            } else {
                headers(ctx, found.stream());
            }
        } else if (fetch instanceof MediaFetch.Forbidden) {
            errors.write(ctx, 403, "media_link_invalid", "this media link is forged or has expired", Optional.empty());
        } else if (fetch instanceof MediaFetch.Gone) {
            errors.write(ctx, 410, "media_gone", "the provider no longer has this media", Optional.empty());
        } else {
            errors.write(ctx, 502, "provider_error", ((MediaFetch.Unavailable) fetch).reason(), Optional.empty());
        }
    }

    /** The headers a GET would have; the provider's stream is closed unread. */
    private static void headers(Context ctx, MediaStream stream) {
        try (InputStream body = stream.body()) {
            ctx.status(200).contentType(stream.contentType().orElse(OCTETS));
            stream.contentLength().ifPresent(length -> ctx.header("Content-Length", Long.toString(length)));
        } catch (IOException e) {
            // closing the provider's connection failed; the answer is complete without it
        }
    }

    /** Jetty copies the stream to the client and closes it, which releases the provider's connection. */
    private static void stream(Context ctx, MediaStream stream) {
        ctx.disableCompression();
        ctx.status(200).contentType(stream.contentType().orElse(OCTETS));
        stream.contentLength().ifPresent(length -> ctx.header("Content-Length", Long.toString(length)));
        ctx.result(stream.body());
    }
}
