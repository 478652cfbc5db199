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
    private final Path log;

    private GatewayProcess(Process process, int port, Path log) {
        this.process = process;
        this.log = log;
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
            GatewayProcess gateway = new GatewayProcess(builder.start(), port, log);
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

    /**
     * The JVM's threads as {@code jcmd Thread.print} prints them (for a test that failed: what each thread was
     * doing), or why it could not be taken.
     */
    public String threadDump() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.print")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(dump.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            dump.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "(no thread dump: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(no thread dump: interrupted)";
        }
    }

    /**
     * The stacks, at most {@code frames} lines each, of the threads in {@code dump} whose name starts with one of
     * {@code prefixes}.
     */
    public static String threads(String dump, int frames, String... prefixes) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<String>> thread : threadBlocks(dump, prefixes)) {
            List<String> lines = thread.getValue();
            out.append(String.join("\n", lines.subList(0, Math.min(frames, lines.size()))))
                    .append("\n");
        }
        return out.toString();
    }

    /** The thread blocks of {@code dump} whose name starts with one of {@code prefixes}: that prefix, and its lines. */
    private static List<Map.Entry<String, List<String>>> threadBlocks(String dump, String... prefixes) {
        List<Map.Entry<String, List<String>>> blocks = new java.util.ArrayList<>();
        for (String block : dump.split("\n\s*\n")) {
            String trimmed = block.strip();
            for (String prefix : prefixes) {
                if (trimmed.startsWith("\"" + prefix)) {
                    blocks.add(Map.entry(prefix, trimmed.lines().toList()));
                    break;
                }
            }
        }
        return blocks;
    }

    /**
     * For a test that failed: whether the process still runs, and the last {@code max} lines of its log that tell
     * of a problem (a warning, an error, an exception or one of its stack's first lines).
     */
    public String problems(int max) {
        StringBuilder out = new StringBuilder(process.isAlive() ? "running" : "exited with " + process.exitValue());
        try {
            List<String> lines = java.nio.file.Files.readAllLines(log).stream()
                    .filter(line -> line.contains(" WARN ")
                            || line.contains(" ERROR ")
                            || line.contains("Exception")
                            || line.contains("Error")
                            || line.startsWith("\tat "))
                    .toList();
            out.append("; ").append(lines.size()).append(" lines of its log tell of problems");
            for (String line : lines.subList(Math.max(0, lines.size() - max), lines.size())) {
                out.append("\n  ").append(line.length() > 300 ? line.substring(0, 300) + "..." : line);
            }
        } catch (IOException e) {
            out.append("; its log is unreadable: ").append(e.getMessage());
        }
        return out.toString();
    }

    /**
     * The threads in {@code dump} whose name starts with one of {@code prefixes}, grouped by what they were doing
     * (their state and top {@code frames} frames), most common first: "32 delivery-worker ... at SocketInputStream".
     */
    public static String threadSummary(String dump, int frames, String... prefixes) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, List<String>> thread : threadBlocks(dump, prefixes)) {
            List<String> lines = thread.getValue().stream().map(String::strip).toList();
            String state = lines.stream()
                    .filter(line -> line.startsWith("java.lang.Thread.State:"))
                    .findFirst()
                    .orElse("")
                    .replace("java.lang.Thread.State: ", "");
            List<String> stack =
                    lines.stream().filter(line -> line.startsWith("at ")).toList();
            // The top frame, then the first frames of our code or our libraries (the JDK's say little).
            String doing = state + " / "
                    + java.util.stream.Stream.concat(
                                    stack.stream().limit(1),
                                    stack.stream()
                                            .skip(1)
                                            .filter(line -> !line.startsWith("at java.")
                                                    && !line.startsWith("at jdk.")
                                                    && !line.startsWith("at sun."))
                                            .limit(frames))
                            .map(line -> line.replaceAll("\\(.*\\)$", ""))
                            .collect(java.util.stream.Collectors.joining(" / "));
            counts.merge(thread.getKey() + ": " + doing, 1, Integer::sum);
        }
        StringBuilder out = new StringBuilder();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> out.append("  ")
                        .append(e.getValue())
                        .append(" x ")
                        .append(e.getKey())
                        .append("\n"));
        return out.toString();
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
