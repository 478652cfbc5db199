package com.vendin.whatsapp.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code java -jar benchmarks/target/benchmarks.jar}: the benchmark of issues 7 and 15 in one command. Starts a bare
 * Javalin endpoint (the ceiling), a synchronous handler that keeps nothing (issue 15's point of comparison)
 * and then, per tenant count, the gateway from its fat jar, each in its own
 * JVM, drives them over loopback with signed Meta webhooks and prints each target with its figure. Exits
 * 1 when a message was lost, repeated, refused or rate-limited (a missed performance target is not an error).
 */
@Command(
        name = "benchmarks",
        mixinStandardHelpOptions = true,
        description = "Measures the gateway against a bare Javalin endpoint on loopback (see docs/BENCHMARKS.md).",
        subcommands = {JmhCommand.class})
public final class BenchmarkMain implements Callable<Integer> {
    @Mixin
    private BenchmarkOptions options;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchmarkMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Console console = new Console(System.err);
        Path ownJar = ownJar();
        if (!options.resolveGatewayJar(ownJar)) {
            System.err.println("the gateway's fat jar was not found; build it first: ./mvnw -q -DskipTests package "
                    + "(or give --gateway-jar)");
            return 2;
        }
        if (options.messagesPerSender < 1 || options.messagesPerSender > 20) {
            System.err.println("--messages-per-sender must be 1..20 (the gateway's default rate limit is 20 a minute)");
            return 2;
        }
        Path workDir = Files.createTempDirectory("gateway-bench");
        // Interrupted (Ctrl-C), the runner takes its servers with it.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> ProcessHandle.current().children().forEach(ProcessHandle::destroy), "stop-servers"));
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("machine", Machine.describe());
        results.put("settings", settings());
        try {
            Map<String, Object> bare = options.skipBare
                    ? Targets.skippedBy("--skip-bare")
                    : new BareRun(options, workDir, ownJar, console).run();
            results.put("bare", bare);
            Map<String, Object> sync = options.skipSyncHandler
                    ? Targets.skippedBy("--skip-sync-handler")
                    : new SyncRun(options, workDir, ownJar, console).run();
            results.put("syncHandler", sync);
            double ceiling = Targets.skipped(bare)
                    ? 0
                    : ((Number) ((Map<?, ?>) bare.get("ackThroughput")).get("perSecond")).doubleValue();
            // 0: no open loop at the bare rate (skipped, or no bare figure and no --latency-rate).
            double rate =
                    options.skipBareRateLatency ? 0 : options.latencyRate.orElse(ceiling * options.latencyRateFraction);
            List<Map<String, Object>> runs = new ArrayList<>();
            double[] gatewayRate = {options.gatewayLatencyRate.orElse(0.0)};
            for (int tenants : options.tenants) {
                runs.add(new GatewayRun(options, workDir, tenants, console).run(rate, gatewayRate));
            }
            Object syncRate =
                    Targets.skipped(sync) ? null : ((Map<?, ?>) sync.get("endToEnd")).get("messagesPerSecond");
            for (Map<String, Object> run : runs) {
                run.put(
                        "ackThroughputRatioToBare",
                        ceiling > 0
                                ? GatewayRun.round(
                                        ((Number) ((Map<?, ?>) run.get("ackThroughput")).get("perSecond")).doubleValue()
                                                / ceiling,
                                        4)
                                : null);
                Object runRate = ((Map<?, ?>) run.get("endToEnd")).get("messagesPerSecond");
                run.put(
                        "endToEndRatioToSyncHandler",
                        runRate == null || syncRate == null
                                ? null
                                : GatewayRun.round(
                                        ((Number) runRate).doubleValue() / ((Number) syncRate).doubleValue(), 3));
            }
            results.put("gateway", runs);
            String database = Targets.database(options.databaseUrl);
            results.put("targetsDatabase", database);
            results.put("targets", Targets.evaluate(database, bare, sync, runs));
        } finally {
            if (options.keep) {
                console.step("kept %s", workDir);
            } else {
                deleteTree(workDir);
            }
        }
        Report report = new Report(results);
        System.out.println(report.table());
        report.write(Path.of(options.out));
        console.step("wrote %s.json and %s.md", options.out, options.out);
        return report.messagesChecked() ? 0 : 1;
    }

    private Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("duration", options.duration.toString());
        s.put("warmup", options.warmup.toString());
        s.put("tenants", options.tenants);
        s.put("connections", options.connections);
        s.put("latencyRate", options.latencyRate.map(r -> (Object) r).orElse(options.latencyRateFraction + " x bare"));
        s.put("e2eMessages", options.e2eMessages);
        s.put("messagesPerSender", options.messagesPerSender);
        s.put(
                "database",
                options.databaseUrl
                        .map(u -> u.replaceAll("password=[^&]*", "password=***"))
                        .orElse("fresh SQLite file per run"));
        s.put("jvmOptions", options.jvmOptions());
        s.put("gatewayJvmOptions", options.gatewayJvmOptions());
        s.put("gatewayJar", options.gatewayJar.toString());
        List<String> skipped = new ArrayList<>();
        if (options.skipBare) {
            skipped.add("--skip-bare");
        }
        if (options.skipSyncHandler) {
            skipped.add("--skip-sync-handler");
        }
        if (options.skipBareRateLatency) {
            skipped.add("--skip-bare-rate-latency");
        }
        s.put("skipped", skipped);
        return s;
    }

    static Path ownJar() {
        try {
            Path path = Path.of(BenchmarkMain.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return path.toAbsolutePath();
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
