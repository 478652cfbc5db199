package com.vendin.whatsapp.whatsapp.media;

import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.delivery.MediaKind;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What each provider accepts for each kind of media (content types and sizes): Meta from its "Media" docs
 * (supported media types and sizes), Twilio from its "Accepted content types for media" docs.
 */
public final class MediaLimits {
    static final long KB = 1024;
    static final long MB = 1024 * KB;
    private static final Set<String> OFFICE = Set.of(
            "application/pdf",
            "application/msword",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.ms-powerpoint",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation");

    /** The content types (without parameters) and the largest size accepted for one kind on one provider. */
    public record Limit(Set<String> types, long maxBytes) {}

    private static final Map<MediaKind, Limit> META = Map.of(
            MediaKind.IMAGE, new Limit(Set.of("image/jpeg", "image/png"), 5 * MB),
            MediaKind.VIDEO, new Limit(Set.of("video/mp4", "video/3gpp"), 16 * MB),
            MediaKind.AUDIO,
                    new Limit(Set.of("audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg"), 16 * MB),
            MediaKind.DOCUMENT, new Limit(union(OFFICE, Set.of("text/plain")), 100 * MB),
            MediaKind.STICKER, new Limit(Set.of("image/webp"), 500 * KB));

    private static final Map<MediaKind, Limit> TWILIO = Map.of(
            MediaKind.IMAGE, new Limit(Set.of("image/jpeg", "image/png", "image/webp"), 5 * MB),
            MediaKind.VIDEO, new Limit(Set.of("video/mp4"), 16 * MB),
            MediaKind.AUDIO,
                    new Limit(Set.of("audio/ogg", "audio/amr", "audio/3gpp", "audio/aac", "audio/mpeg"), 16 * MB),
            MediaKind.DOCUMENT, new Limit(OFFICE, 16 * MB),
            MediaKind.STICKER, new Limit(Set.of("image/webp"), 500 * KB));

    private MediaLimits() {}

    public static Limit of(Provider provider, MediaKind kind) {
        return (provider == Provider.TWILIO ? TWILIO : META).get(kind);
    }

    /** {@code type/subtype} in lower case, without parameters. */
    public static String essence(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .trim()
                .toLowerCase(Locale.ROOT);
    }

    /**
     * Why a file of {@code contentType} and {@code length} (-1 when unknown) cannot go as {@code kind}; empty when
     * it can.
     */
    public static Optional<String> problem(
            Provider provider, MediaKind kind, Optional<String> contentType, long length) {
        Limit limit = of(provider, kind);
        if (contentType.isEmpty()) {
            return Optional.of("the media URL answered without a Content-Type");
        }
        String type = essence(contentType.get());
        if (!limit.types().contains(type)) {
            return Optional.of(
                    "content type " + type + " is not accepted for " + kind.wireName() + " on " + provider.wireName()
                            + " (accepted: " + String.join(", ", new java.util.TreeSet<>(limit.types())) + ")");
        }
        if (length > limit.maxBytes()) {
            return Optional.of(tooLarge(provider, kind, length));
        }
        return Optional.empty();
    }

    public static String tooLarge(Provider provider, MediaKind kind, long length) {
        Limit limit = of(provider, kind);
        return "the " + kind.wireName() + " is larger than " + human(limit.maxBytes()) + " (" + provider.wireName()
                + "'s limit)" + (length > 0 ? ": " + length + " bytes" : "");
    }

    /**
     * The type to declare when uploading to Meta: Meta accepts OGG audio only as Opus ({@code audio/ogg; codecs=opus});
     * a plain {@code audio/ogg} file is declared so, as voice notes are.
     */
    public static String uploadType(MediaKind kind, String contentType) {
        String type = essence(contentType);
        return kind == MediaKind.AUDIO && type.equals("audio/ogg") ? "audio/ogg; codecs=opus" : type;
    }

    private static String human(long bytes) {
        return bytes >= MB ? bytes / MB + " MB" : bytes / KB + " KB";
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
