package com.vendin.whatsapp.whatsapp.http;

import java.util.Objects;
import okhttp3.HttpUrl;

/** Parses configured provider base URLs and appends path segments to them, with or without a trailing slash. */
public final class BaseUrls {
    private BaseUrls() {}

    /** The base URL, or an {@link IllegalArgumentException} naming {@code what} when it is not an http(s) URL. */
    public static HttpUrl parse(String url, String what) {
        Objects.requireNonNull(url, what);
        HttpUrl parsed = HttpUrl.parse(url.trim());
        if (parsed == null) {
            throw new IllegalArgumentException(what + " is not an http(s) URL: " + url);
        }
        return parsed;
    }

    /** {@code base} followed by each segment, percent-encoded as one path segment each. */
    public static HttpUrl join(HttpUrl base, String... segments) {
        HttpUrl.Builder builder = base.newBuilder();
        for (String segment : segments) {
            builder.addPathSegment(segment);
        }
        return builder.build();
    }
}
