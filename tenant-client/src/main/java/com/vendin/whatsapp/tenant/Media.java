package com.vendin.whatsapp.tenant;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The media of an {@code image}, {@code audio}, {@code video}, {@code document} or {@code sticker} message
 * (docs/CONTRACT.md §3 and §3.3). {@code url} is a gateway URL valid for one hour that streams the bytes
 * with a plain GET (no credential); {@code mediaId} is the provider's id.
 */
public record Media(
        String mediaId,
        Optional<String> mimeType,
        Optional<String> caption,
        Optional<String> filename,
        Optional<URI> url) {
    public Media {
        Objects.requireNonNull(mediaId, "mediaId");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(caption, "caption");
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(url, "url");
    }

    static Media from(Map<String, Object> details) {
        Fields fields = Fields.of(details);
        return new Media(
                fields.textOrEmpty("mediaId"),
                fields.text("mimeType"),
                fields.text("caption"),
                fields.text("filename"),
                fields.text("url").map(URI::create));
    }
}
