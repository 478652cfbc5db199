package com.vendin.whatsapp.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A Meta Cloud API webhook body carrying one text message, and its {@code X-Hub-Signature-256}. */
final class SimulatedWebhook {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SimulatedWebhook() {
    }

    static byte[] metaText(String phoneId, String toDigits, String fromDigits, String name, String wamid, String text) {
        ObjectNode root = MAPPER.createObjectNode().put("object", "whatsapp_business_account");
        ObjectNode entry = root.putArray("entry").addObject().put("id", "simulated-waba");
        ObjectNode value = entry.putArray("changes").addObject().put("field", "messages").putObject("value");
        value.put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", toDigits)
                .put("phone_number_id", phoneId.isBlank() ? "simulated-" + toDigits : phoneId);
        value.putArray("contacts").addObject().put("wa_id", fromDigits).putObject("profile").put("name", name);
        ObjectNode message = value.putArray("messages").addObject().put("from", fromDigits).put("id", wamid)
                .put("timestamp", Long.toString(Instant.now().getEpochSecond())).put("type", "text");
        message.putObject("text").put("body", text);
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String sign(byte[] body, String appSecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
