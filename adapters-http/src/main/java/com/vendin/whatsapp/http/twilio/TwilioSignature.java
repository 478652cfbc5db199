package com.vendin.whatsapp.http.twilio;

import com.vendin.whatsapp.ports.common.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's {@code X-Twilio-Signature} (docs/PROVIDERS.md §2.2): Base64 HMAC-SHA1, keyed with an auth token, of the
 * URL followed by every form field's name and value, names sorted case-sensitively, a repeated name's
 * distinct values sorted. The URL is also tried with its default port added or its port removed.
 */
final class TwilioSignature {
    static final String HEADER = "X-Twilio-Signature";
    private static final String ALGORITHM = "HmacSHA1";

    private TwilioSignature() {}

    /** The signature of {@code url} and {@code fields} under {@code token}. */
    static String compute(String url, Map<String, List<String>> fields, String token) {
        StringBuilder data = new StringBuilder(url);
        Map<String, List<String>> sorted = new TreeMap<>(fields);
        sorted.forEach((name, values) ->
                new TreeSet<>(values).forEach(value -> data.append(name).append(value)));
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    /** Whether {@code header} signs {@code url} (or one of its port variants) and {@code fields} under one of {@code tokens}. */
    static boolean isValid(String url, Map<String, List<String>> fields, String header, List<Secret> tokens) {
        if (header == null || header.isBlank() || tokens.isEmpty()) {
            return false;
        }
        byte[] given = header.strip().getBytes(StandardCharsets.UTF_8);
        boolean valid = false;
        for (String candidate : PublicUrls.portVariants(url)) {
            for (Secret token : tokens) {
                byte[] expected = compute(candidate, fields, token.reveal()).getBytes(StandardCharsets.UTF_8);
                valid |= MessageDigest.isEqual(expected, given);
            }
        }
        return valid;
    }

    /** For JSON bodies: whether the URL's {@code bodySHA256} parameter is the lowercase hex SHA-256 of {@code body}. */
    static boolean bodyHashMatches(String url, byte[] body) {
        String query = url.contains("?") ? url.substring(url.indexOf('?') + 1) : "";
        for (String pair : query.split("&")) {
            if (pair.startsWith("bodySHA256=")) {
                String given = pair.substring("bodySHA256=".length());
                return MessageDigest.isEqual(
                        sha256Hex(body).getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
            }
        }
        return false;
    }

    private static String sha256Hex(byte[] body) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
