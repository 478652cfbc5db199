package com.vendin.whatsapp.ports.media;

/** Use case: a tenant follows a media link; the token is checked and the bytes streamed from the provider. */
public interface FetchMedia {
    MediaFetch fetch(String token);
}
