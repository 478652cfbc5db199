package com.vendin.whatsapp.ports.query;

import com.vendin.whatsapp.ports.media.MediaReference;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The media item of an inbound {@code image}, {@code audio}, {@code video}, {@code document} or {@code sticker}
 * message as operators see it: what the provider said about it, never its provider URL. {@code reference} is what a
 * gateway media link (CONTRACT §3.3) is signed for; {@code url} is such a link once one is made.
 */
public record InboundMedia(
        Optional<String> mediaId,
        Optional<String> mimeType,
        Optional<String> caption,
        Optional<String> filename,
        Optional<MediaReference> reference,
        Optional<URI> url) {
    public InboundMedia {
        Objects.requireNonNull(mediaId, "mediaId");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(caption, "caption");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(url, "url");
    }

    public InboundMedia withUrl(Optional<URI> link) {
        return new InboundMedia(mediaId, mimeType, caption, filename, reference, link);
    }
}
