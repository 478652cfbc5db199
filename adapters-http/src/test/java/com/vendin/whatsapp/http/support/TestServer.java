package com.vendin.whatsapp.http.support;

import com.vendin.whatsapp.http.GatewayHttpServer;
import com.vendin.whatsapp.http.HttpConfig;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.health.HealthCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A real {@link GatewayHttpServer} on a free port with fake inbound ports, and an OkHttp client to call it. */
public final class TestServer implements AutoCloseable {
    public static final String APP_SECRET = "meta-app-secret";
    public static final String VERIFY_TOKEN = "verify-me";
    public static final String ADMIN_TOKEN = "admin-token-123";
    public static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final MediaType JSON = MediaType.get("application/json");

    public final RecordingReceiveWebhook receiver = new RecordingReceiveWebhook();
    public final FakeManageTenants tenants = new FakeManageTenants();
    public final FakeBrowseMessages messages = new FakeBrowseMessages();
    public final OkHttpClient client = new OkHttpClient.Builder()
            .callTimeout(20, TimeUnit.SECONDS)
            .retryOnConnectionFailure(false)
            .build();
    private final GatewayHttpServer server;

    private TestServer(HttpConfig config, List<HealthCheck> checks) {
        server = new GatewayHttpServer(config, receiver, tenants, messages, checks, Clock.fixed(NOW, ZoneOffset.UTC));
        server.start();
    }

    /** Everything configured. */
    public static TestServer start() {
        return start(config(), List.of(healthy("database")));
    }

    public static TestServer start(HttpConfig config, List<HealthCheck> checks) {
        return new TestServer(config, checks);
    }

    public static HttpConfig config() {
        return new HttpConfig(
                0,
                Optional.of(new Secret(APP_SECRET)),
                Optional.of(VERIFY_TOKEN),
                Optional.of(new Secret(ADMIN_TOKEN)));
    }

    public static HealthCheck healthy(String name) {
        return check(name, HealthCheck.Result.ok());
    }

    public static HealthCheck check(String name, HealthCheck.Result result) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public HealthCheck.Result check() {
                return result;
            }
        };
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    public int port() {
        return server.port();
    }

    /** A request with the admin token. */
    public Reply admin(String method, String path, String jsonBody) {
        return call(method, path, jsonBody, Map.of("Authorization", "Bearer " + ADMIN_TOKEN));
    }

    public Reply call(String method, String path, String jsonBody, Map<String, String> headers) {
        RequestBody body = jsonBody == null
                ? (requiresBody(method) ? RequestBody.create(new byte[0], null) : null)
                : RequestBody.create(jsonBody, JSON);
        Request request = new Request.Builder()
                .url(url(path))
                .method(method, body)
                .headers(Headers.of(headers))
                .build();
        return execute(request);
    }

    public Reply execute(Request request) {
        try (Response response = client.newCall(request).execute()) {
            return new Reply(
                    response.code(),
                    response.header("Content-Type"),
                    response.body().string());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean requiresBody(String method) {
        return method.equals("POST") || method.equals("PATCH") || method.equals("PUT");
    }

    @Override
    public void close() {
        server.stop();
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }

    /** An HTTP answer, read fully. */
    public record Reply(int status, String contentType, String body) {}
}
