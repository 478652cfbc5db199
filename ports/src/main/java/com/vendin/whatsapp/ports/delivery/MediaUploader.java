package com.vendin.whatsapp.ports.delivery;

import java.util.Objects;

/** Fetches a reply's media from its URL and uploads it to the provider (Meta {@code POST /{phoneId}/media}). */
public interface MediaUploader {

    /** Never throws for HTTP failures. */
    Outcome upload(SenderAccount from, OutboundContent.Media media);

    /** What came of one upload. */
    sealed interface Outcome {}

    /** Uploaded: the provider's media id to send. */
    record Uploaded(String mediaId) implements Outcome {
        public Uploaded {
            Objects.requireNonNull(mediaId, "mediaId");
        }
    }

    /** The media itself is unfit (its URL failed, it is too large or of a type the provider refuses). */
    record Invalid(String why) implements Outcome {
        public Invalid {
            Objects.requireNonNull(why, "why");
        }
    }

    /** The provider refused or failed the upload; {@code retryable} as for a send. */
    record Failed(SendOutcome.Failed failure) implements Outcome {
        public Failed {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
