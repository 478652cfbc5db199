package com.vendin.whatsapp.bench.jmh;

import com.vendin.whatsapp.bench.BenchNumbers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Webhook bodies and tenants for the JMH benchmarks, spelled as the load benchmark spells them. */
public final class Payloads {
    public static final String APP_SECRET = "bench-app-secret";

    private Payloads() {}

    /** A Meta webhook with one text message from customer {@code sender} to the store of tenant {@code tenant}. */
    public static byte[] metaText(long sender, int tenant) {
        String from = BenchNumbers.senderDigits(sender);
        return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"310000000000001\",\"changes\":[{"
                        + "\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{"
                        + "\"display_phone_number\":\""
                        + BenchNumbers.storeNumber(tenant).substring(1) + "\",\"phone_number_id\":\""
                        + BenchNumbers.phoneId(tenant) + "\"},\"contacts\":[{\"wa_id\":\"" + from
                        + "\",\"profile\":{\"name\":\"Ana\"}}],"
                        + "\"messages\":[{\"from\":\"" + from + "\",\"id\":\"wamid.JMH." + sender
                        + "\",\"timestamp\":\""
                        + System.currentTimeMillis() / 1000
                        + "\",\"type\":\"text\",\"text\":{\"body\":\"Olá, tem a camiseta azul?\"}}]}}]}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    public static String signHex(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
