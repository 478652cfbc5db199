package com.vendin.whatsapp.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * One gateway process with {@code tenants} tenants, a fresh database, a mock tenant and a mock Graph:
 * start-up, warm-up, ack throughput, ack latency at a fixed rate, end to end, and the checks that every
 * acknowledged message got exactly one reply and that none was rate-limited or unroutable.
 */
final class GatewayRun {
    private final BenchmarkOptions options;
    private final Path workDir;
    private final int tenants;
    private final Console console;

    GatewayRun(BenchmarkOptions options, Path workDir, int tenants, Console console) {
        this.options = options;
        this.workDir = workDir;
        this.tenants = tenants;
        this.console = console;
    }

    /**
     * Runs every phase. The open loop runs twice: at {@code latencyRate} (from the bare endpoint's
     * throughput; left out when 0, see the {@code --skip-...} options) and at {@code gatewayRate[0]}, the
     * fraction of the first gateway run's own throughput
     * (set by that run when 0), so that every tenant count is compared at a rate the gateway can carry.
     */
    Map<String, Object> run(double latencyRate, double[] gatewayRate) throws IOException, InterruptedException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tenants", tenants);
        String runId = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36) + "t" + tenants;
        String appSecret = "bench-app-secret-" + runId;
        String adminToken = "bench-admin-" + runId;
        // Message ids name the run only, so the mock Graph can read them before the gateway's port is known.
        Webhooks ids = new Webhooks(runId, tenants, options.messagesPerSender, appSecret, "127.0.0.1", 0);
        try (Databases.Fresh database = Databases.fresh(options.databaseUrl, workDir, "t" + tenants);
                MockTenant tenant = new MockTenant(options.mockThreads);
                MockGraph graph = new MockGraph(options.mockThreads, ids::seqOf)) {
            // Chosen once the mocks listen: a port chosen before could be given to a mock (the system hands out
            // ephemeral ports again) before the gateway's JVM binds it, and /health would answer from the mock.
            int port = BenchmarkMain.freePort();
            Webhooks webhooks = new Webhooks(runId, tenants, options.messagesPerSender, appSecret, "127.0.0.1", port);
            boolean seedInDatabase = tenants > options.apiSeedLimit;
            out.put("seededThrough", seedInDatabase ? "database (JdbiTenantRepository)" : "admin API");
            if (seedInDatabase) {
                long t0 = System.nanoTime();
                console.step("seeding %,d tenants into the database", tenants);
                TenantSeeder.intoDatabase(database.url(), options.secretKey, tenants, tenant.url());
                out.put("seedSeconds", seconds(System.nanoTime() - t0));
            }
            Map<String, String> env = environment(port, database.url(), adminToken, appSecret, graph.baseUrl());
            console.step("starting the gateway (%s, %,d tenants)", database.describe(), tenants);
            try (ServerProcess gateway = ServerProcess.start(
                    options.gatewayJvmOptions(),
                    List.of("-jar", options.gatewayJar.toString()),
                    env,
                    port,
                    workDir.resolve("gateway-t" + tenants + ".log"))) {
                out.put("startupMillis", gateway.startup().toMillis());
                console.step("ready in %d ms (pid %d)", gateway.startup().toMillis(), gateway.pid());
                if (!seedInDatabase) {
                    long t0 = System.nanoTime();
                    TenantSeeder.throughAdminApi("http://127.0.0.1:" + port, adminToken, tenants, tenant.url());
                    out.put("seedSeconds", seconds(System.nanoTime() - t0));
                }
                LoadGenerator load = new LoadGenerator("127.0.0.1", port, webhooks);
                Budget runStart = Budget.snapshot(port, gateway.pid());
                console.step(
                        "warm-up: closed loop, %d connections, %s and at least %,d requests",
                        options.connections, options.warmup, options.warmupMessages);
                load.warmUp(options.connections, options.warmup, options.warmupMessages);
                out.put("warmupDrainSeconds", drain(load, graph));

                console.step("ack throughput: closed loop, %d connections, %s", options.connections, options.duration);
                Cpu.Split cpu = new Cpu.Split(gateway.pid());
                LoadGenerator.Result throughput = load.closedLoop(options.connections, options.duration, 0);
                Map<String, Object> figures = Figures.throughput(throughput);
                figures.put("cpu", cpu.end());
                out.put("ackThroughput", figures);
                console.result("cpu %s", figures.get("cpu"));
                console.result(
                        "ack throughput %,.0f/s (%d failed), closed-loop latency p50 %.2f ms, p99 %.2f ms (%sx)",
                        throughput.perSecond(),
                        throughput.failures(),
                        throughput.latencyMicros().getValueAtPercentile(50) / 1000.0,
                        throughput.latencyMicros().getValueAtPercentile(99) / 1000.0,
                        figures.get("closedLoopP99OverP50"));
                out.put("throughputDrainSeconds", drain(load, graph));

                if (gatewayRate[0] <= 0) {
                    gatewayRate[0] = throughput.perSecond() * options.latencyRateFraction;
                }
                out.put(
                        "ackLatencyAtGatewayRate",
                        latencyPhase(
                                gateway,
                                load,
                                graph,
                                gatewayRate[0],
                                options.gatewayLatencyRate.isPresent()
                                        ? "--gateway-latency-rate"
                                        : options.latencyRateFraction + " x first gateway run's throughput"));
                out.put(
                        "ackLatency",
                        latencyRate <= 0
                                ? Targets.skippedBy(
                                        options.skipBareRateLatency ? "--skip-bare-rate-latency" : "--skip-bare")
                                : latencyPhase(
                                        gateway,
                                        load,
                                        graph,
                                        latencyRate,
                                        options.latencyRate.isPresent()
                                                ? "--latency-rate"
                                                : options.latencyRateFraction + " x bare throughput"));

                console.step("end to end: %,d messages as fast as acks allow", options.e2eMessages);
                Budget e2eStart = Budget.snapshot(port, gateway.pid());
                Cpu.Split e2eCpu = new Cpu.Split(gateway.pid());
                LoadGenerator.Result burst =
                        load.closedLoop(options.connections, Duration.ofHours(1), options.e2eMessages);
                Map<String, Object> e2e = endToEnd(burst, load, graph);
                e2e.put("cpu", e2eCpu.end());
                Map<String, Object> budget = Budget.snapshot(port, gateway.pid())
                        .since(
                                e2eStart,
                                burst.ok(),
                                "end-to-end phase: first webhook sent to every reply at the mock Graph");
                out.put("endToEnd", e2e);
                out.put("budget", budget);
                console.result("cpu %s", e2e.get("cpu"));
                console.result("per message (end-to-end phase): %s", Budget.describe(budget));
                drain(load, graph);

                Map<String, Object> wholeRun = Budget.snapshot(port, gateway.pid())
                        .since(runStart, load.sent(), "whole run: warm-up to the last reply, idle waits included");
                out.put("budgetWholeRun", wholeRun);
                console.result("per message (whole run): %s", Budget.describe(wholeRun));
                out.put("messages", check(load, graph, tenant));
                out.put("gatewayOutcomes", Metrics.webhookOutcomes(port));
                out.put("peakRssMB", megabytes(gateway.peakRssMib()));
                out.put("log", gateway.log().toString());
            }
        }
        return out;
    }

    /** The gateway's whole environment: its embedded defaults plus what points it at the mocks. */
    private Map<String, String> environment(
            int port, String databaseUrl, String adminToken, String appSecret, String graphUrl) {
        Map<String, String> env = new HashMap<>();
        env.put("GATEWAY_PORT", Integer.toString(port));
        env.put("GATEWAY_DATABASE_URL", databaseUrl);
        env.put("GATEWAY_ADMIN_TOKEN", adminToken);
        env.put("GATEWAY_SECRET_KEY", options.secretKey);
        env.put("FACEBOOK_APP_SECRET", appSecret);
        env.put("FACEBOOK_WEBHOOK_VERIFY_TOKEN", "bench-verify");
        env.put("FACEBOOK_GRAPH_URL", graphUrl);
        env.put("VENDIN_WHATSAPP_NUMBER", "+15550001111");
        env.put("VENDIN_WHATSAPP_PHONE_ID", "900000000000001");
        env.put("VENDIN_WHATSAPP_ACCESS_TOKEN", "EAAB-bench-platform");
        env.putAll(options.extraEnv());
        return env;
    }

    private Map<String, Object> latencyPhase(
            ServerProcess gateway, LoadGenerator load, MockGraph graph, double rate, String basis)
            throws InterruptedException {
        console.step(
                "ack latency: open loop at %,.0f/s (%s), %d connections, %s",
                rate, basis, options.connections, options.duration);
        Cpu.Split cpu = new Cpu.Split(gateway.pid());
        LoadGenerator.Result latency = load.openLoop(options.connections, rate, options.duration);
        Map<String, Object> figures = Figures.latency(latency, rate);
        figures.put("rateBasis", basis);
        figures.put("cpu", cpu.end());
        console.result(
                "ack latency p50 %.2f ms, p99 %.2f ms at %,.0f/s offered (%,.0f/s achieved, %,d not sent)",
                latency.latencyMicros().getValueAtPercentile(50) / 1000.0,
                latency.latencyMicros().getValueAtPercentile(99) / 1000.0,
                rate,
                latency.perSecond(),
                latency.unsent());
        figures.put("drainSeconds", drain(load, graph));
        return figures;
    }

    private Map<String, Object> endToEnd(LoadGenerator.Result burst, LoadGenerator load, MockGraph graph)
            throws InterruptedException {
        Map<String, Object> e2e = new LinkedHashMap<>();
        long deadline = System.nanoTime() + options.drainTimeout.toNanos();
        long last = 0;
        long missing = burst.endSeq() - burst.firstSeq();
        while (System.nanoTime() < deadline) {
            missing = 0;
            last = 0;
            for (long seq = burst.firstSeq(); seq < burst.endSeq(); seq++) {
                Long at = graph.replyNanos(seq);
                if (at == null) {
                    if (!load.failed().containsKey(seq)) {
                        missing++;
                    }
                } else {
                    last = Math.max(last, at);
                }
            }
            if (missing == 0) {
                break;
            }
            LockSupport.parkNanos(20_000_000);
        }
        long messages = burst.endSeq() - burst.firstSeq();
        double elapsed = (last - burst.startNanos()) / 1e9;
        e2e.put("messages", messages);
        e2e.put("ackedMessages", burst.ok());
        e2e.put("ackSeconds", round(burst.elapsed().toNanos() / 1e9, 3));
        e2e.put("lastReplySeconds", round(elapsed, 3));
        e2e.put("messagesPerSecond", missing == 0 ? round(burst.ok() / elapsed, 1) : null);
        e2e.put("missingReplies", missing);
        console.result(
                "end to end %s msg/s (%,d messages, acks in %.2f s, last reply at %.2f s, %d missing)",
                missing == 0 ? String.format("%,.0f", burst.ok() / elapsed) : "n/a",
                messages,
                burst.elapsed().toNanos() / 1e9,
                elapsed,
                missing);
        return e2e;
    }

    /** Waits until every acknowledged message so far has its reply at the mock Graph; the seconds it took. */
    private double drain(LoadGenerator load, MockGraph graph) {
        long t0 = System.nanoTime();
        long deadline = t0 + options.drainTimeout.toNanos();
        long watermark = 0;
        while (true) {
            long sent = load.sent();
            while (watermark < sent
                    && (graph.replyNanos(watermark) != null || load.failed().containsKey(watermark))) {
                watermark++;
            }
            if (watermark >= sent) {
                return seconds(System.nanoTime() - t0);
            }
            if (System.nanoTime() > deadline) {
                console.result(
                        "WARNING: %,d messages still without a reply after %s", sent - watermark, options.drainTimeout);
                return seconds(System.nanoTime() - t0);
            }
            LockSupport.parkNanos(20_000_000);
        }
    }

    private static Map<String, Object> check(LoadGenerator load, MockGraph graph, MockTenant tenant) {
        long sent = load.sent();
        long withoutReply = 0;
        for (long seq = 0; seq < sent; seq++) {
            if (graph.replyNanos(seq) == null && !load.failed().containsKey(seq)) {
                withoutReply++;
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sent", sent);
        m.put("notAcked", load.failed().size());
        m.put("notAckedByStatus", load.failedByStatus());
        m.put("ioErrors", load.ioErrors());
        m.put("ackedWithoutReply", withoutReply);
        m.put("repeatedReplies", graph.repeated());
        m.put("foreignReplies", graph.foreign());
        m.put("tenantCalls", tenant.calls());
        m.put("repeatedTenantCalls", tenant.repeated());
        m.put("graphSends", graph.sends());
        return m;
    }

    static double seconds(long nanos) {
        return round(nanos / 1e9, 3);
    }

    static double megabytes(double mib) {
        return round(mib * 1024 * 1024 / 1e6, 1);
    }

    static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
