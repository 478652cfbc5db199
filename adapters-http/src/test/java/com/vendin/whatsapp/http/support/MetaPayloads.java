package com.vendin.whatsapp.http.support;

import com.vendin.whatsapp.http.common.Hmac;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Meta webhook bodies shaped like Meta's messages webhook reference (docs/PROVIDERS.md §1.2), and their signatures. */
public final class MetaPayloads {
    public static final String PHONE_ID = "520000000000002";
    public static final String DISPLAY = "34911222333";
    public static final String CUSTOMER = "34600111222";

    private MetaPayloads() {}

    /** {@code sha256=} + HMAC of the bytes under {@link TestServer#APP_SECRET}. */
    public static String signature(byte[] body) {
        return "sha256=" + Hmac.sha256Hex(TestServer.APP_SECRET.getBytes(StandardCharsets.UTF_8), body);
    }

    /** A payload with one change holding the given message items, from {@link #CUSTOMER} to {@link #PHONE_ID}. */
    public static String messages(String... items) {
        return envelope(
                change(PHONE_ID, DISPLAY, contacts(CUSTOMER, "Luc\\u00eda P\\u00e9rez"), List.of(items), List.of()));
    }

    public static String envelope(String... changes) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"310000000000001\",\"changes\":["
                + String.join(",", changes) + "]}]}";
    }

    public static String change(
            String phoneId, String display, String contacts, List<String> messages, List<String> statuses) {
        StringBuilder value = new StringBuilder("{\"messaging_product\":\"whatsapp\",\"metadata\":{")
                .append("\"display_phone_number\":\"")
                .append(display)
                .append("\",")
                .append("\"phone_number_id\":\"")
                .append(phoneId)
                .append("\"}");
        if (contacts != null) {
            value.append(",\"contacts\":").append(contacts);
        }
        if (!messages.isEmpty()) {
            value.append(",\"messages\":[").append(String.join(",", messages)).append("]");
        }
        if (!statuses.isEmpty()) {
            value.append(",\"statuses\":[").append(String.join(",", statuses)).append("]");
        }
        return "{\"field\":\"messages\",\"value\":" + value + "}}";
    }

    public static String contacts(String waId, String name) {
        return "[{\"profile\":{\"name\":\"" + name + "\"},\"wa_id\":\"" + waId + "\"}]";
    }

    /** A message item from {@link #CUSTOMER} of {@code type} with the type object {@code typeJson}. */
    public static String item(String id, String type, String typeJson) {
        return item(id, CUSTOMER, type, typeJson);
    }

    public static String item(String id, String from, String type, String typeJson) {
        return "{\"from\":\"" + from + "\",\"id\":\"" + id + "\",\"timestamp\":\"1767225600\",\"type\":\"" + type + "\""
                + (typeJson == null ? "" : ",\"" + type + "\":" + typeJson) + "}";
    }

    public static String text(String id, String body) {
        return item(id, "text", "{\"body\":\"" + body + "\"}");
    }
}
