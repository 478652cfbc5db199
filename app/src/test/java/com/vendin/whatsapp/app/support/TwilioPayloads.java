package com.vendin.whatsapp.app.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Builds Twilio WhatsApp webhook forms (docs/PROVIDERS.md §2.1 and §2.3) and signs them as Twilio does (§2.2). */
public final class TwilioPayloads {
    public static final String MAIN_ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";

    private final Map<String, String> fields = new LinkedHashMap<>();

    private TwilioPayloads() {}

    /** An incoming message as captured from Twilio, with the usual WhatsApp fields and {@code NumMedia=0}. */
    public static TwilioPayloads message(String sid, String fromE164, String toE164, String accountSid) {
        TwilioPayloads p = new TwilioPayloads();
        p.put("SmsMessageSid", sid)
                .put("NumMedia", "0")
                .put("ProfileName", "Ana Luísa")
                .put("SmsSid", sid)
                .put("WaId", fromE164.substring(1))
                .put("SmsStatus", "received")
                .put("To", "whatsapp:" + toE164)
                .put("NumSegments", "1")
                .put("ReferralNumMedia", "0")
                .put("MessageSid", sid)
                .put("AccountSid", accountSid)
                .put("From", "whatsapp:" + fromE164)
                .put("ApiVersion", "2010-04-01");
        return p;
    }

    /** A status callback for a message the gateway sent {@code from} its number {@code to} a customer. */
    public static TwilioPayloads status(String sid, String status, String fromE164, String toE164, String accountSid) {
        TwilioPayloads p = new TwilioPayloads();
        p.put("AccountSid", accountSid)
                .put("From", "whatsapp:" + fromE164)
                .put("To", "whatsapp:" + toE164)
                .put("MessageSid", sid)
                .put("SmsSid", sid)
                .put("SmsStatus", status)
                .put("MessageStatus", status)
                .put("ApiVersion", "2010-04-01")
                .put("ChannelPrefix", "whatsapp");
        return p;
    }

    public TwilioPayloads put(String name, String value) {
        fields.put(name, value);
        return this;
    }

    /** One media item as Twilio sends it ({@code MediaUrl0} on api.twilio.com, {@code MediaContentType0}). */
    public TwilioPayloads media(String contentType, String mediaSid) {
        return put("NumMedia", "1")
                .put("MediaContentType0", contentType)
                .put(
                        "MediaUrl0",
                        "https://api.twilio.com/2010-04-01/Accounts/" + fields.get("AccountSid") + "/Messages/"
                                + fields.get("MessageSid") + "/Media/" + mediaSid);
    }

    public Map<String, String> fields() {
        return Map.copyOf(fields);
    }

    public String formBody() {
        return fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** Base64 HMAC-SHA1 under {@code token} of {@code url} + every name and value, names sorted. */
    public String sign(String url, String token) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(fields).forEach((name, value) -> data.append(name).append(value));
        return Base64.getEncoder()
                .encodeToString(MetaPayloads.hmac(
                        "HmacSHA1",
                        token.getBytes(StandardCharsets.UTF_8),
                        data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
