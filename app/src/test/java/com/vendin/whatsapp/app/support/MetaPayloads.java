package com.vendin.whatsapp.app.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Builds Meta Cloud API webhook bodies (docs/PROVIDERS.md §1.2) and signs them as Meta does (§1.1). */
public final class MetaPayloads {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode root = JSON.createObjectNode();
    private final ArrayNode changes;

    private MetaPayloads() {
        root.put("object", "whatsapp_business_account");
        ObjectNode entry = root.putArray("entry").addObject();
        entry.put("id", "310000000000001");
        changes = entry.putArray("changes");
    }

    public static MetaPayloads webhook() {
        return new MetaPayloads();
    }

    /** Adds a change for the number {@code phoneId}/{@code displayNumber} carrying one text message. */
    public MetaPayloads text(String phoneId, String displayNumber, String from, String wamid, String body) {
        return text(phoneId, displayNumber, from, wamid, body, System.currentTimeMillis() / 1000);
    }

    public MetaPayloads text(
            String phoneId, String displayNumber, String from, String wamid, String body, long timestamp) {
        ObjectNode value = change(phoneId, displayNumber);
        value.putArray("contacts")
                .addObject()
                .put("wa_id", from)
                .putObject("profile")
                .put("name", "Ana");
        ObjectNode message = value.putArray("messages").addObject();
        message.put("from", from)
                .put("id", wamid)
                .put("timestamp", Long.toString(timestamp))
                .put("type", "text");
        message.putObject("text").put("body", body);
        return this;
    }

    /** Adds a change carrying one status for a message the gateway sent. */
    public MetaPayloads status(String phoneId, String displayNumber, String wamid, String status, String recipient) {
        statusItem(phoneId, displayNumber, wamid, status, recipient);
        return this;
    }

    /** As {@link #status}, echoing the {@code biz_opaque_callback_data} the send carried. */
    public MetaPayloads status(
            String phoneId, String displayNumber, String wamid, String status, String recipient, String callbackData) {
        statusItem(phoneId, displayNumber, wamid, status, recipient).put("biz_opaque_callback_data", callbackData);
        return this;
    }

    private ObjectNode statusItem(String phoneId, String displayNumber, String wamid, String status, String recipient) {
        ObjectNode value = change(phoneId, displayNumber);
        return value.putArray("statuses")
                .addObject()
                .put("id", wamid)
                .put("status", status)
                .put("timestamp", Long.toString(System.currentTimeMillis() / 1000))
                .put("recipient_id", recipient);
    }

    private ObjectNode change(String phoneId, String displayNumber) {
        ObjectNode change = changes.addObject();
        change.put("field", "messages");
        ObjectNode value = change.putObject("value");
        value.put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", displayNumber).put("phone_number_id", phoneId);
        return value;
    }

    /**
     * Adds a change of field {@code field} whose {@code value} is {@code valueJson} as given (for the shapes of
     * docs/PROVIDERS.md §1.3 that the helpers above do not build: usernames, system messages, standby).
     */
    public MetaPayloads rawChange(String field, String valueJson) {
        ObjectNode change = changes.addObject();
        change.put("field", field);
        try {
            change.set("value", JSON.readTree(valueJson));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not JSON: " + valueJson, e);
        }
        return this;
    }

    /**
     * Adds a change carrying one text from a username user, in the shape of Courier's
     * {@code hello_from_bsuid.json} ({@code from} and {@code wa_id} only when {@code phone} is not null).
     */
    public MetaPayloads userText(
            String phoneId,
            String displayNumber,
            String phone,
            String userId,
            String username,
            String wamid,
            String body,
            long timestamp) {
        ObjectNode value = change(phoneId, displayNumber);
        ObjectNode contact = value.putArray("contacts").addObject();
        ObjectNode profile = contact.putObject("profile").put("name", "Kerry Fisher");
        if (username != null) {
            profile.put("username", username);
        }
        if (phone != null) {
            contact.put("wa_id", phone);
        }
        contact.put("user_id", userId);
        ObjectNode message = value.putArray("messages").addObject();
        if (phone != null) {
            message.put("from", phone);
        }
        message.put("from_user_id", userId)
                .put("id", wamid)
                .put("timestamp", Long.toString(timestamp))
                .put("type", "text");
        message.putObject("text").put("body", body);
        return this;
    }

    /** Adds a change carrying a status with {@code recipient_user_id} and no {@code recipient_id}. */
    public MetaPayloads userStatus(String phoneId, String displayNumber, String wamid, String status, String userId) {
        ObjectNode value = change(phoneId, displayNumber);
        value.putArray("statuses")
                .addObject()
                .put("id", wamid)
                .put("status", status)
                .put("timestamp", Long.toString(System.currentTimeMillis() / 1000))
                .put("recipient_user_id", userId);
        return this;
    }

    public String json() {
        return root.toString();
    }

    /** {@code sha256=} + hex HMAC-SHA256 of the body under the app secret, as {@code X-Hub-Signature-256}. */
    public static String sign(byte[] body, String appSecret) {
        return "sha256="
                + HexFormat.of().formatHex(hmac("HmacSHA256", appSecret.getBytes(StandardCharsets.UTF_8), body));
    }

    public static byte[] hmac(String algorithm, byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
