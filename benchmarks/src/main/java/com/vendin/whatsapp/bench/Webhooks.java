package com.vendin.whatsapp.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed Meta webhooks, one text message each, in the shape of the tests' {@code MetaPayloads}: message
 * {@code seq} gets the unique id {@link #messageId}, comes from sender {@code seq / messagesPerSender}
 * (a Brazilian mobile) and goes to the store that sender writes to (spread over every tenant).
 */
final class Webhooks {
    static final String PATH = "/webhooks/whatsapp/facebook";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final String runId;
    private final int tenants;
    private final int messagesPerSender;
    private final byte[] appSecret;
    private final String hostHeader;
    private final ThreadLocal<Mac> macs;

    Webhooks(String runId, int tenants, int messagesPerSender, String appSecret, String host, int port) {
        this.runId = runId;
        this.tenants = tenants;
        this.messagesPerSender = messagesPerSender;
        this.appSecret = appSecret.getBytes(StandardCharsets.UTF_8);
        this.hostHeader = host + ":" + port;
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** The provider message id of message {@code seq}. */
    String messageId(long seq) {
        return "wamid.BENCH" + runId + "." + seq;
    }

    /** The sequence number in a reply text or message id made by {@link #messageId}; -1 when not one of ours. */
    long seqOf(String messageId) {
        String prefix = "wamid.BENCH" + runId + ".";
        if (!messageId.startsWith(prefix)) {
            return -1;
        }
        try {
            return Long.parseLong(messageId.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The tenant index that message {@code seq} is addressed to. */
    int tenantOf(long seq) {
        long sender = seq / messagesPerSender;
        return (int) Long.remainderUnsigned(mix(sender), tenants);
    }

    /** The whole HTTP request of message {@code seq}: headers with its signature, and the body. */
    byte[] request(long seq) {
        byte[] body = body(seq);
        String head = "POST " + PATH + " HTTP/1.1\r\nHost: " + hostHeader
                + "\r\nContent-Type: application/json\r\nX-Hub-Signature-256: sha256=" + hex(sign(body))
                + "\r\nContent-Length: " + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }

    byte[] body(long seq) {
        int tenant = tenantOf(seq);
        String from = BenchNumbers.senderDigits(seq / messagesPerSender);
        String json = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"310000000000001\",\"changes\":[{"
                + "\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{"
                + "\"display_phone_number\":\""
                + BenchNumbers.storeNumber(tenant).substring(1) + "\",\"phone_number_id\":\""
                + BenchNumbers.phoneId(tenant) + "\"},\"contacts\":[{\"wa_id\":\"" + from
                + "\",\"profile\":{\"name\":\"Ana\"}}],"
                + "\"messages\":[{\"from\":\"" + from + "\",\"id\":\"" + messageId(seq) + "\",\"timestamp\":\""
                + System.currentTimeMillis() / 1000
                + "\",\"type\":\"text\",\"text\":{\"body\":\"Olá, tem a camiseta azul? #"
                + seq + "\"}}]}}]}]}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    byte[] sign(byte[] body) {
        return macs.get().doFinal(body);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[bytes[i] & 0xf];
        }
        return new String(out);
    }

    /** SplitMix64's finaliser: senders land on tenants evenly and without a pattern. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
