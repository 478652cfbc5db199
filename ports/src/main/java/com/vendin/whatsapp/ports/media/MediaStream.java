package com.vendin.whatsapp.ports.media;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** The bytes of a media item as the provider streams them, read once; closing it releases the provider's connection. */
public record MediaStream(InputStream body, Optional<String> contentType, OptionalLong contentLength)
        implements AutoCloseable {
    public MediaStream {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(contentLength, "contentLength");
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
