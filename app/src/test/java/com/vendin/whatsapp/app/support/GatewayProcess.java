package com.vendin.whatsapp.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The gateway as a separate JVM ({@code Main serve}), so that a test can kill it with SIGKILL and start it again. */
public final class GatewayProcess implements AutoCloseable {
    /** Generous: a JVM starting on two busy cores. */
    private static final Duration STARTUP = Duration.ofSeconds(90);

    private final Process process;
    private final int port;

    private GatewayProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static GatewayProcess start(Map<String, String> env, int port, Path log) {
        return start(env, port, log, List.of());
    }

    /** As {@link #start(Map, int, Path)}, with options for the JVM (e.g. {@code -Xmx64m}). */
    public static GatewayProcess start(Map<String, String> env, int port, Path log, List<String> jvmOptions) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "com.vendin.whatsapp.app.Main", "serve"));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.environment().put("GATEWAY_PORT", Integer.toString(port));
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            GatewayProcess gateway = new GatewayProcess(builder.start(), port);
            try {
                Eventually.within(STARTUP, "the gateway answers /health", gateway::healthy);
            } catch (AssertionError e) {
                gateway.close();
                throw new AssertionError(e.getMessage() + "; its log ends with:\n" + tail(log), e);
            }
            return gateway;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Creates a tenant with its own Meta number through the admin API; fails the test unless it answers 201. */
    public void createMetaTenant(String id, String instanceUrl, String phone, String phoneId) {
        String json = "{\"id\":\"" + id + "\",\"subdomain\":\"" + id + "\",\"instanceUrl\":\"" + instanceUrl + "\","
                + "\"whatsapp\":{\"phoneNumber\":\"" + phone + "\",\"phoneId\":\"" + phoneId + "\","
                + "\"provider\":\"facebook\",\"accessToken\":\"" + id + "-token\"}}";
        HttpResult created = TestGateway.execute(new okhttp3.Request.Builder()
                .url(baseUrl() + "/api/v1/tenants")
                .header("Authorization", "Bearer " + TestGateway.ADMIN_TOKEN)
                .post(okhttp3.RequestBody.create(json, okhttp3.MediaType.get("application/json")))
                .build());
        if (created.code() != 201) {
            throw new AssertionError("creating tenant " + id + " answered " + created.code() + ": " + created.body());
        }
    }

    /** POSTs a Meta webhook signed with the test app secret. */
    public HttpResult postMetaWebhook(String body) {
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return TestGateway.execute(new okhttp3.Request.Builder()
                .url(baseUrl() + "/webhooks/whatsapp/facebook")
                .header("X-Hub-Signature-256", MetaPayloads.sign(bytes, TestGateway.APP_SECRET))
                .post(okhttp3.RequestBody.create(bytes, okhttp3.MediaType.get("application/json")))
                .build());
    }

    private boolean healthy() {
        if (!process.isAlive()) {
            throw new AssertionError("the gateway process exited with " + process.exitValue());
        }
        try {
            return TestGateway.execute(new okhttp3.Request.Builder()
                                    .url(baseUrl() + "/health")
                                    .build())
                            .code()
                    == 200;
        } catch (UncheckedIOException notYet) {
            return false;
        }
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
