package com.vendin.whatsapp.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The bare Javalin endpoint in its own JVM, driven by the same generator with the same signed payloads. */
final class BareRun {
    private final BenchmarkOptions options;
    private final Path workDir;
    private final Path ownJar;
    private final Console console;

    BareRun(BenchmarkOptions options, Path workDir, Path ownJar, Console console) {
        this.options = options;
        this.workDir = workDir;
        this.ownJar = ownJar;
        this.console = console;
    }

    Map<String, Object> run() throws IOException, InterruptedException {
        Map<String, Object> out = new LinkedHashMap<>();
        int port = BenchmarkMain.freePort();
        Webhooks webhooks = new Webhooks(
                "bare", options.tenants.get(0), options.messagesPerSender, "bench-app-secret-bare", "127.0.0.1", port);
        console.step("starting the bare Javalin endpoint");
        try (ServerProcess bare = ServerProcess.start(
                options.jvmOptions(),
                List.of("-cp", ownJar.toString(), BareJavalin.class.getName(), Integer.toString(port)),
                Map.of(),
                port,
                workDir.resolve("bare.log"))) {
            out.put("startupMillis", bare.startup().toMillis());
            LoadGenerator load = new LoadGenerator("127.0.0.1", port, webhooks);
            console.step(
                    "warm-up: closed loop, %d connections, %s and at least %,d requests",
                    options.connections, options.warmup, options.warmupMessages);
            load.warmUp(options.connections, options.warmup, options.warmupMessages);
            console.step("ack throughput: closed loop, %d connections, %s", options.connections, options.duration);
            Cpu.Split cpu = new Cpu.Split(bare.pid());
            LoadGenerator.Result throughput = load.closedLoop(options.connections, options.duration, 0);
            Map<String, Object> figures = Figures.throughput(throughput);
            figures.put("cpu", cpu.end());
            out.put("ackThroughput", figures);
            console.result("cpu %s", figures.get("cpu"));
            console.result("bare ceiling %,.0f/s (%d failed)", throughput.perSecond(), throughput.failures());
            if (options.skipBareRateLatency) {
                out.put("ackLatency", Targets.skippedBy("--skip-bare-rate-latency"));
                out.put("peakRssMB", GatewayRun.megabytes(bare.peakRssMib()));
                return out;
            }
            double rate = options.latencyRate.orElse(throughput.perSecond() * options.latencyRateFraction);
            console.step("ack latency: open loop at %,.0f/s, %s", rate, options.duration);
            LoadGenerator.Result latency = load.openLoop(options.connections, rate, options.duration);
            out.put("ackLatency", Figures.latency(latency, rate));
            console.result(
                    "bare p50 %.2f ms, p99 %.2f ms",
                    latency.latencyMicros().getValueAtPercentile(50) / 1000.0,
                    latency.latencyMicros().getValueAtPercentile(99) / 1000.0);
            out.put("peakRssMB", GatewayRun.megabytes(bare.peakRssMib()));
        }
        return out;
    }
}
