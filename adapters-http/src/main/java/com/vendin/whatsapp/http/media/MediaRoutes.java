package com.vendin.whatsapp.http.media;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vendin.whatsapp.http.RouteGroup;
import com.vendin.whatsapp.http.common.ApiErrors;
import com.vendin.whatsapp.ports.media.FetchMedia;
import com.vendin.whatsapp.ports.media.MediaFetch;
import com.vendin.whatsapp.ports.media.MediaStream;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
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
        routes.get(PATH, this::serve);
    }

    private void serve(Context ctx) {
        MediaFetch fetch = media.fetch(ctx.pathParam("token"));
        ctx.header("Cache-Control", "private, no-store");
        if (fetch instanceof MediaFetch.Found found) {
            stream(ctx, found.stream());
        } else if (fetch instanceof MediaFetch.Forbidden) {
            errors.write(ctx, 403, "media_link_invalid", "this media link is forged or has expired", Optional.empty());
        } else if (fetch instanceof MediaFetch.Gone) {
            errors.write(ctx, 410, "media_gone", "the provider no longer has this media", Optional.empty());
        } else {
            errors.write(ctx, 502, "provider_error", ((MediaFetch.Unavailable) fetch).reason(), Optional.empty());
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
