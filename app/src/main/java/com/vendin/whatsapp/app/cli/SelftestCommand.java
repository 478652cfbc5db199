package com.vendin.whatsapp.app.cli;

import com.vendin.whatsapp.app.Gateway;
import com.vendin.whatsapp.app.config.GatewayConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Starts the gateway on a throw-away database and a free port, drives its main paths once over HTTP
 * (health, a signed Meta webhook, a tenant created and listed through the admin API, metrics), stops it
 * and reports. The build runs it to record the class-data-sharing archive that makes later start-ups
 * faster; it also tells an operator that the jar works on this machine.
 */
@Command(
        name = "selftest",
        mixinStandardHelpOptions = true,
        description = "Start on a temporary database and a free port, exercise the main paths once, stop.")
public final class SelftestCommand implements Callable<Integer> {
    private static final MediaType JSON = MediaType.get("application/json");

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("whatsapp-gateway-selftest");
        String adminToken = random();
        String appSecret = random();
        Map<String, String> env = Map.of(
                "GATEWAY_PORT",
                "0",
                "GATEWAY_DATABASE_URL",
                "jdbc:sqlite:" + dir.resolve("selftest.db"),
                "GATEWAY_ADMIN_TOKEN",
                adminToken,
                "FACEBOOK_APP_SECRET",
                appSecret,
                "GATEWAY_SECRET_KEY",
                java.util.Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32)));
        long started = System.nanoTime();
        OkHttpClient client =
                new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
        try (Gateway gateway = Gateway.start(GatewayConfig.fromEnvironment(env))) {
            String base = "http://127.0.0.1:" + gateway.port();
            expect(client, new Request.Builder().url(base + "/health").build(), 200);
            String body = webhook();
            expect(
                    client,
                    new Request.Builder()
                            .url(base + "/webhooks/whatsapp/facebook")
                            .header("X-Hub-Signature-256", "sha256=" + hmac(appSecret, body))
                            .post(RequestBody.create(body, JSON))
                            .build(),
                    200);
            String tenant = "{\"id\":\"selftest\",\"subdomain\":\"selftest\",\"instanceUrl\":\"http://127.0.0.1:9\"}";
            expect(
                    client,
                    new Request.Builder()
                            .url(base + "/api/v1/tenants")
                            .header("Authorization", "Bearer " + adminToken)
                            .post(RequestBody.create(tenant, JSON))
                            .build(),
                    201);
            expect(
                    client,
                    new Request.Builder()
                            .url(base + "/api/v1/tenants")
                            .header("Authorization", "Bearer " + adminToken)
                            .build(),
                    200);
            expect(client, new Request.Builder().url(base + "/metrics").build(), 200);
        } catch (IllegalStateException | IOException e) {
            spec.commandLine().getErr().println("selftest failed: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        } finally {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
            deleteRecursively(dir);
        }
        out.println("selftest passed in "
                + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
        out.flush();
        return 0;
    }

    private static void expect(OkHttpClient client, Request request, int status) throws IOException {
        try (Response response = client.newCall(request).execute()) {
            if (response.code() != status) {
                throw new IllegalStateException(request.method() + " "
                        + request.url().encodedPath() + " answered " + response.code() + " instead of " + status + ": "
                        + response.body().string());
            }
        }
    }

    private static String webhook() {
        long now = Instant.now().getEpochSecond();
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"0\",\"changes\":[{\"field\":\"messages\","
                + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550009999\","
                + "\"phone_number_id\":\"999999999999999\"},\"contacts\":[{\"profile\":{\"name\":\"Selftest\"},"
                + "\"wa_id\":\"15550001234\"}],\"messages\":[{\"from\":\"15550001234\",\"id\":\"wamid.selftest-"
                + random()
                + "\",\"timestamp\":\"" + now + "\",\"type\":\"text\",\"text\":{\"body\":\"selftest\"}}]}}]}]}";
    }

    private static String hmac(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
