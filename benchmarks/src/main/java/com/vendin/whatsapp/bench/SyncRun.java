package com.vendin.whatsapp.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The synchronous handler ({@link SyncHandlerJavalin}) in its own JVM, with a mock tenant and a mock Graph
 * of its own, driven by the same generator with the same kind of signed unique webhooks as the gateway:
 * warm-up, then the end-to-end phase ({@code --e2e-messages} as fast as the answers allow). Every 200
 * means the reply already reached the mock Graph, so its end-to-end rate is replies per second there.
 */
final class SyncRun {
    private final BenchmarkOptions options;
    private final Path workDir;
    private final Path ownJar;
    private final Console console;

    SyncRun(BenchmarkOptions options, Path workDir, Path ownJar, Console console) {
        this.options = options;
        this.workDir = workDir;
        this.ownJar = ownJar;
        this.console = console;
    }

    Map<String, Object> run() throws IOException, InterruptedException {
        Map<String, Object> out = new LinkedHashMap<>();
        int tenants = options.tenants.get(0);
        out.put("tenants", tenants);
        String runId = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36) + "sync";
        String appSecret = "bench-app-secret-" + runId;
        Webhooks ids = new Webhooks(runId, tenants, options.messagesPerSender, appSecret, "127.0.0.1", 0);
        try (MockTenant tenant = new MockTenant(options.mockThreads);
                MockGraph graph = new MockGraph(options.mockThreads, ids::seqOf)) {
            // Chosen once the mocks listen (see GatewayRun).
            int port = BenchmarkMain.freePort();
            Webhooks webhooks = new Webhooks(runId, tenants, options.messagesPerSender, appSecret, "127.0.0.1", port);
            console.step("starting the synchronous handler (%,d tenants in memory)", tenants);
            try (ServerProcess server = ServerProcess.start(
                    options.jvmOptions(),
                    List.of(
                            "-cp",
                            ownJar.toString(),
                            SyncHandlerJavalin.class.getName(),
                            Integer.toString(port),
                            appSecret,
                            tenant.url(),
                            graph.baseUrl(),
                            Integer.toString(tenants)),
                    Map.of(),
                    port,
                    workDir.resolve("sync.log"))) {
                out.put("startupMillis", server.startup().toMillis());
                LoadGenerator load = new LoadGenerator("127.0.0.1", port, webhooks);
                console.step(
                        "warm-up: closed loop, %d connections, %s and at least %,d requests",
                        options.connections, options.warmup, options.warmupMessages);
                load.warmUp(options.connections, options.warmup, options.warmupMessages);

                console.step("end to end: %,d messages, closed loop", options.e2eMessages);
                double cpu0 = Cpu.seconds(server.pid());
                Cpu.Split cpu = new Cpu.Split(server.pid());
                LoadGenerator.Result burst =
                        load.closedLoop(options.connections, Duration.ofHours(1), options.e2eMessages);
                Map<String, Object> e2e = new LinkedHashMap<>();
                long last = burst.startNanos();
                long missing = 0;
                for (long seq = burst.firstSeq(); seq < burst.endSeq(); seq++) {
                    Long at = graph.replyNanos(seq);
                    if (at == null) {
                        missing++;
                    } else {
                        last = Math.max(last, at);
                    }
                }
                double elapsed = (last - burst.startNanos()) / 1e9;
                long replies = burst.endSeq() - burst.firstSeq() - missing;
                e2e.put("messages", burst.endSeq() - burst.firstSeq());
                e2e.put("ackedMessages", burst.ok());
                e2e.put("lastReplySeconds", GatewayRun.round(elapsed, 3));
                e2e.put("messagesPerSecond", elapsed > 0 ? GatewayRun.round(replies / elapsed, 1) : null);
                e2e.put("missingReplies", missing);
                e2e.put("closedLoopLatencyMs", Figures.percentiles(burst.latencyMicros()));
                e2e.put("cpu", cpu.end());
                e2e.put(
                        "cpuMsPerMessage",
                        replies > 0 ? GatewayRun.round((Cpu.seconds(server.pid()) - cpu0) * 1000 / replies, 3) : null);
                out.put("endToEnd", e2e);
                console.result(
                        "synchronous handler end to end %,.0f msg/s (%,d messages, %d failed, %d missing), "
                                + "%s ms CPU per message",
                        replies / Math.max(elapsed, 1e-9),
                        burst.endSeq() - burst.firstSeq(),
                        burst.failures(),
                        missing,
                        e2e.get("cpuMsPerMessage"));

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
                m.put("graphSends", graph.sends());
                out.put("messages", m);
                out.put("peakRssMB", GatewayRun.megabytes(server.peakRssMib()));
            }
        }
        return out;
    }
}
