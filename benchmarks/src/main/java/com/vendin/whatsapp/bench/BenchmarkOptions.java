package com.vendin.whatsapp.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** The runner's options; every default is the documented full run. */
final class BenchmarkOptions {
    @Option(
            names = "--duration",
            defaultValue = "20s",
            converter = DurationConverter.class,
            description = "Length of each measured phase (ack throughput, ack latency). Default: ${DEFAULT-VALUE}.")
    Duration duration;

    @Option(
            names = "--warmup",
            defaultValue = "10s",
            converter = DurationConverter.class,
            description = "Closed-loop warm-up of each server before it is measured. Default: ${DEFAULT-VALUE}.")
    Duration warmup;

    @Option(
            names = "--warmup-messages",
            defaultValue = "10000",
            description = "The warm-up goes on until at least this many requests were answered (a slow server needs "
                    + "more time to reach the same JIT state). Default: ${DEFAULT-VALUE}.")
    long warmupMessages;

    @Option(
            names = "--tenants",
            split = ",",
            defaultValue = "10,100000",
            description = "Tenant counts; one gateway run each. Default: ${DEFAULT-VALUE}.")
    List<Integer> tenants;

    @Option(
            names = "--connections",
            defaultValue = "64",
            description = "Concurrent keep-alive connections of the load generator. Default: ${DEFAULT-VALUE}.")
    int connections;

    @Option(
            names = "--latency-rate-fraction",
            defaultValue = "0.5",
            description = "Offered rate of the latency phase as a fraction of the bare endpoint's measured throughput. "
                    + "Default: ${DEFAULT-VALUE}.")
    double latencyRateFraction;

    @Option(
            names = "--latency-rate",
            description = "Offered rate of the latency phase in requests/s (overrides the fraction).")
    Optional<Double> latencyRate;

    @Option(
            names = "--gateway-latency-rate",
            description = "Offered rate of the second latency phase in requests/s "
                    + "(default: the fraction of the first gateway run's ack throughput).")
    Optional<Double> gatewayLatencyRate;

    @Option(
            names = "--e2e-messages",
            defaultValue = "20000",
            description = "Messages of the end-to-end phase. Default: ${DEFAULT-VALUE}.")
    long e2eMessages;

    @Option(
            names = "--messages-per-sender",
            defaultValue = "5",
            description = "Consecutive messages from one customer (one thread); at most the gateway's rate limit of 20 "
                    + "a minute. Default: ${DEFAULT-VALUE}.")
    int messagesPerSender;

    @Option(
            names = "--database-url",
            description = "Empty = a fresh SQLite file per run in a temporary directory; "
                    + "jdbc:postgresql://host:port/db?user=... = a fresh database per run created on that server.")
    Optional<String> databaseUrl;

    @Option(
            names = "--jvm-opts",
            defaultValue = "",
            description =
                    "JVM options for the gateway and the bare endpoint alike, e.g. \"-Xmx256m -XX:+UseSerialGC\".")
    String jvmOpts;

    @Option(
            names = "--gateway-jar",
            description = "Default: app/target/whatsapp-gateway.jar here, or next to this jar's module.")
    Optional<Path> gatewayJarOption;

    @Option(
            names = "--out",
            defaultValue = "benchmark-results",
            description = "Writes <out>.json and <out>.md. Default: ${DEFAULT-VALUE}.")
    String out;

    @Option(
            names = "--api-seed-limit",
            defaultValue = "1000",
            description = "Up to this many tenants are created through the admin API; more are written to the database "
                    + "before the gateway starts. Default: ${DEFAULT-VALUE}.")
    int apiSeedLimit;

    @Option(
            names = "--drain-timeout",
            defaultValue = "5m",
            converter = DurationConverter.class,
            description = "Longest wait for the replies of acknowledged messages. Default: ${DEFAULT-VALUE}.")
    Duration drainTimeout;

    @Option(
            names = "--mock-threads",
            defaultValue = "16",
            description = "Threads of each mock server. Default: ${DEFAULT-VALUE}.")
    int mockThreads;

    @Option(names = "--env", description = "Extra environment variable for the gateway, NAME=VALUE (repeatable).")
    Map<String, String> env;

    @Option(
            names = "--no-cds",
            description = "Do not map the gateway's class-data-sharing archive "
                    + "(whatsapp-gateway.jsa next to its jar, as the README's run command does).")
    boolean noCds;

    @Option(names = "--keep", description = "Keep the temporary directory (databases, logs).")
    boolean keep;

    @Option(
            names = "--skip-sync-handler",
            description = "Do not run the synchronous handler (its rows show SKIP); a faster run while developing.")
    boolean skipSyncHandler;

    @Option(
            names = "--skip-bare",
            description = "Do not run the bare endpoint (the rows that compare with it show SKIP; without "
                    + "--latency-rate the open-loop phases at half its throughput are left out too).")
    boolean skipBare;

    @Option(
            names = "--skip-bare-rate-latency",
            description = "Leave out the open-loop phases at half the bare endpoint's throughput (the bare "
                    + "endpoint's and every gateway run's, which that rate overloads); the phase at half the "
                    + "gateway's own throughput still runs.")
    boolean skipBareRateLatency;

    Path gatewayJar;
    final String secretKey = newKey();

    List<String> jvmOptions() {
        List<String> options = new ArrayList<>();
        for (String part : jvmOpts.trim().split("\\s+")) {
            if (!part.isEmpty()) {
                options.add(part);
            }
        }
        return options;
    }

    /**
     * The gateway's JVM options: {@link #jvmOptions()} plus, as the README runs it, its class-data-sharing
     * archive when one was recorded next to the jar (unless {@code --no-cds} or the options name one).
     */
    List<String> gatewayJvmOptions() {
        List<String> options = jvmOptions();
        Path archive =
                gatewayJar.resolveSibling(gatewayJar.getFileName().toString().replaceFirst("\\.jar$", ".jsa"));
        if (!noCds
                && Files.isRegularFile(archive)
                && options.stream().noneMatch(o -> o.contains("SharedArchiveFile"))) {
            options.add("-XX:SharedArchiveFile=" + archive);
        }
        return options;
    }

    Map<String, String> extraEnv() {
        return env == null ? Map.of() : env;
    }

    /** Resolves the gateway jar; false when none is found. */
    boolean resolveGatewayJar(Path benchmarksJar) {
        List<Path> candidates = new ArrayList<>();
        gatewayJarOption.ifPresent(candidates::add);
        if (gatewayJarOption.isEmpty()) {
            candidates.add(Path.of("app/target/whatsapp-gateway.jar"));
            if (benchmarksJar != null
                    && benchmarksJar.getParent() != null
                    && benchmarksJar.getParent().getParent() != null) {
                candidates.add(benchmarksJar.getParent().getParent().resolveSibling("app/target/whatsapp-gateway.jar"));
            }
        }
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate)) {
                gatewayJar = candidate.toAbsolutePath().normalize();
                return true;
            }
        }
        return false;
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** {@code 20s}, {@code 500ms}, {@code 2m}, or ISO-8601 ({@code PT20S}). */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            if (v.startsWith("pt")) {
                return Duration.parse(value);
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            if (v.endsWith("s")) {
                return Duration.ofMillis((long) (Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
            }
            if (v.endsWith("m")) {
                return Duration.ofSeconds((long) (Double.parseDouble(v.substring(0, v.length() - 1)) * 60));
            }
            throw new IllegalArgumentException("not a duration (20s, 500ms, 2m): " + value);
        }
    }
}
