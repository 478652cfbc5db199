package com.vendin.whatsapp.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One simulated inbound text message as a provider sends it: a Meta Cloud API webhook body with its
 * {@code X-Hub-Signature-256}, or a Twilio form with its {@code X-Twilio-Signature}.
 */
final class SimulatedWebhook {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SimulatedWebhook() {}

    static byte[] metaText(String phoneId, String toDigits, String fromDigits, String name, String wamid, String text) {
        return metaText(phoneId, toDigits, fromDigits, "", "", name, wamid, text);
    }

    /**
     * A Meta text message; with a {@code userId} (BSUID) it carries {@code from_user_id} and {@code contacts[].user_id}
     * (and {@code contacts[].profile.username} when given), and without a phone ({@code fromDigits} empty) it has no
     * {@code from} and no {@code wa_id}, as Meta sends a customer known only by their username (docs/PROVIDERS.md §1.3).
     */
    static byte[] metaText(
            String phoneId,
            String toDigits,
            String fromDigits,
            String userId,
            String username,
            String name,
            String wamid,
            String text) {
        ObjectNode root = MAPPER.createObjectNode().put("object", "whatsapp_business_account");
        ObjectNode entry = root.putArray("entry").addObject().put("id", "simulated-waba");
        ObjectNode value =
                entry.putArray("changes").addObject().put("field", "messages").putObject("value");
        value.put("messaging_product", "whatsapp");
        value.putObject("metadata")
                .put("display_phone_number", toDigits)
                .put("phone_number_id", phoneId.isBlank() ? "simulated-" + toDigits : phoneId);
        ObjectNode contact = value.putArray("contacts").addObject();
        ObjectNode profile = contact.putObject("profile").put("name", name);
        if (!username.isBlank()) {
            profile.put("username", username);
        }
        if (!fromDigits.isEmpty()) {
            contact.put("wa_id", fromDigits);
        }
        if (!userId.isBlank()) {
            contact.put("user_id", userId);
        }
        ObjectNode message = value.putArray("messages").addObject();
        if (!fromDigits.isEmpty()) {
            message.put("from", fromDigits);
        }
        if (!userId.isBlank()) {
            message.put("from_user_id", userId);
        }
        message.put("id", wamid)
                .put("timestamp", Long.toString(Instant.now().getEpochSecond()))
                .put("type", "text");
        message.putObject("text").put("body", text);
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String sign(byte[] body, String appSecret) {
        return "sha256=" + HexFormat.of().formatHex(hmac("HmacSHA256", appSecret, body));
    }

    /** Twilio's incoming-message form fields (docs/PROVIDERS.md §2.1), in the order Twilio sends them. */
    static Map<String, String> twilioText(String toDigits, String fromDigits, String name, String sid, String text) {
        return twilioText(toDigits, fromDigits, "", "", name, sid, text);
    }

    /**
     * Twilio's form; with a {@code userId} (BSUID) it carries {@code ExternalUserId} (and {@code ProfileUsername} when
     * given), and without a phone it has no {@code WaId} and {@code From} is {@code whatsapp:<BSUID>}.
     */
    static Map<String, String> twilioText(
            String toDigits, String fromDigits, String userId, String username, String name, String sid, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("SmsMessageSid", sid);
        form.put("NumMedia", "0");
        form.put("ProfileName", name);
        form.put("MessageType", "text");
        form.put("SmsSid", sid);
        if (!fromDigits.isEmpty()) {
            form.put("WaId", fromDigits);
        }
        if (!userId.isBlank()) {
            form.put("ExternalUserId", "whatsapp:" + userId);
        }
        if (!username.isBlank()) {
            form.put("ProfileUsername", username);
        }
        form.put("SmsStatus", "received");
        form.put("Body", text);
        form.put("To", "whatsapp:+" + toDigits);
        form.put("NumSegments", "1");
        form.put("MessageSid", sid);
        form.put("AccountSid", DemoCommand.TWILIO_ACCOUNT_SID);
        form.put("From", fromDigits.isEmpty() ? "whatsapp:" + userId : "whatsapp:+" + fromDigits);
        form.put("ApiVersion", "2010-04-01");
        return form;
    }

    /** The form, URL-encoded as the request body. */
    static String formBody(Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return body.toString();
    }

    /** Base64 HMAC-SHA1 of the URL followed by every field name and value in name order, under the auth token. */
    static String signTwilio(String url, Map<String, String> form, String authToken) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(form).forEach((name, value) -> data.append(name).append(value));
        return Base64.getEncoder()
                .encodeToString(hmac("HmacSHA1", authToken, data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(String algorithm, String key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
