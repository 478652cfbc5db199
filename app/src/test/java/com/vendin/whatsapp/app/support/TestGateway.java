package com.vendin.whatsapp.app.support;

import com.google.inject.Module;
import com.vendin.whatsapp.app.Gateway;
import com.vendin.whatsapp.app.config.GatewayConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The production gateway (real Guice graph, real SQLite file, real HTTP) booted in-process on a free
 * port, with the platform's Meta settings pointing at a {@link FakeGraph}; and an HTTP client for it.
 */
public final class TestGateway implements AutoCloseable {
    public static final String APP_SECRET = "test-app-secret";
    public static final String VERIFY_TOKEN = "test-verify-token";
    public static final String ADMIN_TOKEN = "test-admin-token";
    public static final String PLATFORM_NUMBER = "+15550001111";
    public static final String PLATFORM_PHONE_ID = "900000000000001";
    public static final String PLATFORM_TOKEN = "platform-access-token";
    public static final String TWILIO_MAIN_TOKEN = "twilio-main-auth-token";
    private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");
    private static final MediaType JSON = MediaType.get("application/json");

    public static final OkHttpClient CLIENT = new OkHttpClient.Builder()
            .callTimeout(Duration.ofSeconds(30))
            .readTimeout(Duration.ofSeconds(30))
            .build();

    private final Gateway gateway;

    private TestGateway(Gateway gateway) {
        this.gateway = gateway;
    }

    /** The environment a test gateway runs with; tests may add to or override it. */
    public static Map<String, String> environment(Path dir, String graphUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("GATEWAY_PORT", "0");
        env.put("GATEWAY_DATABASE_URL", "jdbc:sqlite:" + dir.resolve("gateway.db"));
        env.put("GATEWAY_ADMIN_TOKEN", ADMIN_TOKEN);
        env.put("FACEBOOK_APP_SECRET", APP_SECRET);
        env.put("FACEBOOK_WEBHOOK_VERIFY_TOKEN", VERIFY_TOKEN);
        env.put("FACEBOOK_GRAPH_URL", graphUrl);
        env.put("VENDIN_WHATSAPP_NUMBER", PLATFORM_NUMBER);
        env.put("VENDIN_WHATSAPP_PHONE_ID", PLATFORM_PHONE_ID);
        env.put("VENDIN_WHATSAPP_ACCESS_TOKEN", PLATFORM_TOKEN);
        return env;
    }

    /** Also the Twilio main account ({@link #TWILIO_MAIN_TOKEN}) with its REST API at {@code twilioUrl}. */
    public static Map<String, String> environment(Path dir, String graphUrl, String twilioUrl) {
        Map<String, String> env = environment(dir, graphUrl);
        env.put("TWILIO_API_URL", twilioUrl);
        env.put("TWILIO_ACCOUNT_SID", TwilioPayloads.MAIN_ACCOUNT_SID);
        env.put("TWILIO_AUTH_TOKEN", TWILIO_MAIN_TOKEN);
        return env;
    }

    public static TestGateway start(Map<String, String> env) {
        return new TestGateway(Gateway.start(GatewayConfig.fromEnvironment(env)));
    }

    /** Starts with bindings of the production graph replaced by {@code overrides} (e.g. a {@code MutableClock}). */
    public static TestGateway start(Map<String, String> env, Module... overrides) {
        return new TestGateway(Gateway.start(GatewayConfig.fromEnvironment(env), overrides));
    }

    public Gateway gateway() {
        return gateway;
    }

    public <T> T instance(Class<T> type) {
        return gateway.instance(type);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + gateway.port();
    }

    public HttpResult postMetaWebhook(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return postMetaWebhook(bytes, MetaPayloads.sign(bytes, APP_SECRET));
    }

    public HttpResult postMetaWebhook(byte[] body, String signature) {
        Request.Builder request = new Request.Builder()
                .url(baseUrl() + "/webhooks/whatsapp/facebook")
                .post(RequestBody.create(body, JSON));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return execute(request.build());
    }

    /** The URL Twilio calls when {@code GATEWAY_PUBLIC_URL} is unset. */
    public String twilioWebhookUrl() {
        return "http://localhost:" + gateway.port() + "/webhooks/whatsapp/twilio";
    }

    /** Posts the form signed with {@code token} over {@link #twilioWebhookUrl()}. */
    public HttpResult postTwilioWebhook(TwilioPayloads payload, String token) {
        return postTwilioWebhookWithSignature(payload, payload.sign(twilioWebhookUrl(), token));
    }

    /** Posts the form with the given {@code X-Twilio-Signature} (none when null). */
    public HttpResult postTwilioWebhookWithSignature(TwilioPayloads payload, String signature) {
        Request.Builder request = new Request.Builder()
                .url(baseUrl() + "/webhooks/whatsapp/twilio")
                .post(RequestBody.create(payload.formBody(), FORM));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return execute(request.build());
    }

    public HttpResult admin(String method, String path, String jsonBody) {
        RequestBody body = jsonBody == null
                ? (method.equals("GET") || method.equals("DELETE") ? null : RequestBody.create(new byte[0], JSON))
                : RequestBody.create(jsonBody, JSON);
        return execute(new Request.Builder()
                .url(baseUrl() + path)
                .method(method, body)
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .build());
    }

    public HttpResult get(String path) {
        return execute(new Request.Builder().url(baseUrl() + path).get().build());
    }

    public static HttpResult execute(Request request) {
        try (Response response = CLIENT.newCall(request).execute()) {
            return new HttpResult(response.code(), response.body().string(), response.header("Content-Type", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        gateway.close();
    }
}
