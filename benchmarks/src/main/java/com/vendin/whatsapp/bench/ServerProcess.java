package com.vendin.whatsapp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A server in a JVM of its own: start-up is timed from the spawn to the first 200 of {@code GET /health}
 * (polled every 2 ms), and its resident memory is read from {@code /proc/<pid>/status} (VmRSS sampled,
 * VmHWM = the kernel's own high-water mark).
 */
final class ServerProcess implements AutoCloseable {
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(120);

    private final Process process;
    private final int port;
    private final Path log;
    private final long startupNanos;
    private final AtomicLong peakSampledKb = new AtomicLong();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(Daemons.named("rss"));
    private long lastHwmKb;

    private ServerProcess(Process process, int port, Path log, long startupNanos) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.startupNanos = startupNanos;
        sampler.scheduleAtFixedRate(this::sample, 0, 100, TimeUnit.MILLISECONDS);
    }

    /** Starts {@code java <jvmOptions> <arguments>} with exactly {@code env}, and waits for its /health. */
    static ServerProcess start(
            List<String> jvmOptions, List<String> arguments, Map<String, String> env, int port, Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(env);
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        long spawned = System.nanoTime();
        Process process = builder.start();
        long deadline = spawned + STARTUP_LIMIT.toNanos();
        while (RawHttpConnection.get("127.0.0.1", port, "/health") != 200) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue()
                        + " before it was ready; " + "its log ends with:\n" + tail(log));
            }
            if (System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        "the server was not ready within " + STARTUP_LIMIT + "; log:\n" + tail(log));
            }
            LockSupport.parkNanos(2_000_000);
        }
        return new ServerProcess(process, port, log, System.nanoTime() - spawned);
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    Duration startup() {
        return Duration.ofNanos(startupNanos);
    }

    /** The highest resident set size so far, in MiB (the kernel's VmHWM, or the highest sample). */
    double peakRssMib() {
        sample();
        return Math.max(lastHwmKb, peakSampledKb.get()) / 1024.0;
    }

    private synchronized void sample() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    long kb = kb(line);
                    peakSampledKb.accumulateAndGet(kb, Math::max);
                } else if (line.startsWith("VmHWM:")) {
                    lastHwmKb = Math.max(lastHwmKb, kb(line));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process has gone, or no /proc here: keep what was read
        }
    }

    private static long kb(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        sample();
        sampler.shutdownNow();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
