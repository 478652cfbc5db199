package com.vendin.whatsapp.http.twilio;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The URL Twilio signed: the public base plus path and raw query, and the port variants its validators accept. */
final class PublicUrls {
    private PublicUrls() {}

    /** {@code base} (no trailing slash) + {@code path} + {@code ?query} when there is a query; the fragment never counts. */
    static String requested(String base, String path, Optional<String> rawQuery) {
        String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return trimmed
                + path
                + rawQuery.filter(q -> !q.isEmpty()).map(q -> "?" + q).orElse("");
    }

    /** The URL as given (without user info or fragment), with its scheme's default port added, and with its port removed. */
    static List<String> portVariants(String url) {
        String clean = withoutFragment(url);
        int schemeEnd = clean.indexOf("://");
        if (schemeEnd < 0) {
            return List.of(clean);
        }
        String scheme = clean.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        int authorityStart = schemeEnd + 3;
        int authorityEnd = authorityStart;
        while (authorityEnd < clean.length() && "/?".indexOf(clean.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        String authority = clean.substring(authorityStart, authorityEnd);
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        String host = hostOf(authority);
        String prefix = clean.substring(0, authorityStart);
        String rest = clean.substring(authorityEnd);
        LinkedHashSet<String> variants = new LinkedHashSet<>();
        variants.add(prefix + authority + rest);
        String defaultPort = "https".equals(scheme) ? "443" : "http".equals(scheme) ? "80" : null;
        if (host.equals(authority) && defaultPort != null) {
            variants.add(prefix + host + ":" + defaultPort + rest);
        }
        variants.add(prefix + host + rest);
        return List.copyOf(variants);
    }

    private static String hostOf(String authority) {
        int colon = authority.lastIndexOf(':');
        int bracket = authority.lastIndexOf(']');
        if (colon > bracket
                && colon + 1 < authority.length()
                && authority.substring(colon + 1).chars().allMatch(Character::isDigit)) {
            return authority.substring(0, colon);
        }
        return authority;
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }
}
