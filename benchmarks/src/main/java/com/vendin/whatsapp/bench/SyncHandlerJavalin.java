package com.vendin.whatsapp.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The design that keeps nothing (issue 15): a Javalin app on its defaults whose webhook route verifies
 * Meta's {@code X-Hub-Signature-256} (HMAC-SHA256 of the raw body under the app secret, constant-time
 * compare), parses the webhook, and for each message calls the tenant instance (signed as the gateway
 * signs, CONTRACT §3) and sends its reply through the Graph API, all inside the request; it stores
 * nothing and answers 200 once the replies are sent. Tenants are a map in memory built at start.
 * Run as its own JVM: {@code SyncHandlerJavalin <port> <appSecret> <tenantUrl> <graphBaseUrl> <tenants>}.
 */
public final class SyncHandlerJavalin {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final byte[] appSecret;
    private final String tenantUrl;
    private final String graphBaseUrl;
    private final Map<String, TenantConfig> tenantsByPhoneId = new HashMap<>();
    private final ThreadLocal<Mac> metaMac;
    private final OkHttpClient client = new OkHttpClient.Builder()
            .connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES))
            .retryOnConnectionFailure(false)
            .build();

    /** What a stored tenant would hold: its id, instance secret and Meta access token. */
    record TenantConfig(String id, String instanceSecret, String accessToken) {}

    SyncHandlerJavalin(String appSecret, String tenantUrl, String graphBaseUrl, int tenants) {
        this.appSecret = appSecret.getBytes(StandardCharsets.UTF_8);
        this.tenantUrl = tenantUrl;
        this.graphBaseUrl = graphBaseUrl;
        for (int i = 0; i < tenants; i++) {
            tenantsByPhoneId.put(
                    BenchNumbers.phoneId(i),
                    new TenantConfig(BenchNumbers.tenantId(i), "instance-secret-" + i, "EAAB-bench-" + i));
        }
        this.metaMac = ThreadLocal.withInitial(() -> mac(this.appSecret));
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        SyncHandlerJavalin handler = new SyncHandlerJavalin(args[1], args[2], args[3], Integer.parseInt(args[4]));
        Javalin.create(cfg -> {
                    cfg.jetty.port = port;
                    cfg.startup.showJavalinBanner = false;
                    cfg.startup.showOldJavalinVersionWarning = false;
                    cfg.routes.post(Webhooks.PATH, handler::handle);
                    cfg.routes.get(
                            "/health",
                            ctx -> ctx.contentType("application/json").result("{\"status\":\"ok\"}"));
                })
                .start();
    }

    void handle(Context ctx) throws IOException {
        byte[] body = ctx.bodyAsBytes();
        if (!validSignature(ctx.header("X-Hub-Signature-256"), body)) {
            ctx.status(401).contentType("application/json").result("{\"error\":\"invalid signature\"}");
            return;
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException e) {
            ctx.status(400).contentType("application/json").result("{\"error\":\"not JSON\"}");
            return;
        }
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                TenantConfig tenant = tenantsByPhoneId.get(
                        value.path("metadata").path("phone_number_id").asText());
                if (tenant == null) {
                    continue;
                }
                String profileName = value.path("contacts")
                        .path(0)
                        .path("profile")
                        .path("name")
                        .asText("");
                for (JsonNode message : value.path("messages")) {
                    if (!deliver(tenant, value, message, profileName)) {
                        ctx.status(502).contentType("application/json").result("{\"error\":\"not delivered\"}");
                        return;
                    }
                }
            }
        }
        ctx.status(200).contentType("application/json").result("{\"success\":true}");
    }

    /** Calls the tenant with the message and sends its text reply to the customer; false when either failed. */
    private boolean deliver(TenantConfig tenant, JsonNode value, JsonNode message, String profileName)
            throws IOException {
        String from = "+" + message.path("from").asText();
        ObjectNode payload = MAPPER.createObjectNode()
                .put("from", from)
                .put("message", message.path("text").path("body").asText(""))
                .put("role", "customer")
                .put("threadId", tenant.id() + ":" + from)
                .put("messageId", message.path("id").asText())
                .put("tenantId", tenant.id())
                .put("type", message.path("type").asText())
                .put("profileName", profileName)
                .put(
                        "receivedAt",
                        Instant.ofEpochSecond(message.path("timestamp").asLong())
                                .toString());
        byte[] tenantBody = MAPPER.writeValueAsBytes(payload);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        byte[] signed = concat((timestamp + ".").getBytes(StandardCharsets.UTF_8), tenantBody);
        Request tenantCall = new Request.Builder()
                .url(tenantUrl + "/webhooks/whatsapp")
                .post(RequestBody.create(tenantBody, JSON))
                .header("X-Vendin-Tenant", tenant.id())
                .header("X-Vendin-Timestamp", timestamp)
                .header(
                        "X-Vendin-Signature",
                        "v1="
                                + Webhooks.hex(mac(tenant.instanceSecret().getBytes(StandardCharsets.UTF_8))
                                        .doFinal(signed)))
                .build();
        String reply;
        try (Response response = client.newCall(tenantCall).execute()) {
            if (response.code() != 200) {
                return false;
            }
            reply = MAPPER.readTree(response.body().bytes()).path("text").asText("");
        }
        if (reply.isEmpty()) {
            return true;
        }
        ObjectNode send = MAPPER.createObjectNode()
                .put("messaging_product", "whatsapp")
                .put("recipient_type", "individual")
                .put("to", message.path("from").asText())
                .put("type", "text");
        send.putObject("text").put("preview_url", false).put("body", reply);
        Request graphCall = new Request.Builder()
                .url(graphBaseUrl + "/"
                        + value.path("metadata").path("phone_number_id").asText() + "/messages")
                .post(RequestBody.create(MAPPER.writeValueAsBytes(send), JSON))
                .header("Authorization", "Bearer " + tenant.accessToken())
                .build();
        try (Response response = client.newCall(graphCall).execute()) {
            return response.code() == 200
                    && MAPPER.readTree(response.body().bytes())
                                    .path("messages")
                                    .path(0)
                                    .path("id")
                                    .asText("")
                                    .length()
                            > 0;
        }
    }

    boolean validSignature(String header, byte[] body) {
        if (header == null || !header.startsWith("sha256=") || header.length() != 7 + 64) {
            return false;
        }
        byte[] expected = Webhooks.hex(metaMac.get().doFinal(body)).getBytes(StandardCharsets.US_ASCII);
        byte[] given = header.substring(7).toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
