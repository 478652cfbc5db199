package com.vendin.whatsapp.ports.media;

import java.net.URI;
import java.util.Optional;

/** Makes the URL a tenant GETs to download one inbound media item (CONTRACT §3.3): absolute, signed, short-lived. */
public interface MediaLinks {
    /** Links nothing: for tenant clients that run without a media route. */
    MediaLinks NONE = reference -> Optional.empty();

    Optional<URI> linkFor(MediaReference reference);
}
