package com.vendin.whatsapp.ports.media;

import java.util.Objects;

/** What came of asking for a media item (CONTRACT §3.3). */
public sealed interface MediaFetch {

    /** The provider is streaming it. */
    record Found(MediaStream stream) implements MediaFetch {
        public Found {
            Objects.requireNonNull(stream, "stream");
        }
    }

    /** The link is forged, malformed or expired. */
    record Forbidden() implements MediaFetch {}

    /** The provider no longer has it (or its tenant is gone). */
    record Gone() implements MediaFetch {}

    /** The provider could not be asked (no credentials, a network failure, an unexpected answer). */
    record Unavailable(String reason) implements MediaFetch {
        public Unavailable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
