package com.vendin.whatsapp.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Sends signed webhooks over {@link RawHttpConnection}s, one thread per connection, each request with a
 * fresh sequence number from one counter (so every message id is unique and the sent ones form a
 * contiguous range). Closed loop: each connection sends its next request as soon as the last is answered;
 * each request's latency runs from just before its first byte is written (the body already signed) to its
 * status line read, into the phase's HdrHistogram.
 * Open loop: each connection keeps its own fixed schedule (rate / connections) and latency is measured from
 * the moment the request was due, not when it could be sent, so a stall is not hidden (coordinated omission).
 */
final class LoadGenerator {
    private static final long HIGHEST_MICROS = Duration.ofMinutes(2).toNanos() / 1000;

    private final String host;
    private final int port;
    private final Webhooks webhooks;
    private final AtomicLong sequence = new AtomicLong();
    private final ConcurrentHashMap<Long, Integer> failed = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Long> ioErrors = new ConcurrentHashMap<>();

    LoadGenerator(String host, int port, Webhooks webhooks) {
        this.host = host;
        this.port = port;
        this.webhooks = webhooks;
    }

    /** What one phase did. */
    record Result(
            long firstSeq,
            long endSeq,
            long ok,
            long failures,
            long unsent,
            Duration elapsed,
            Histogram latencyMicros,
            long startNanos,
            int connections) {
        double perSecond() {
            return ok / (elapsed.toNanos() / 1e9);
        }
    }

    /** Messages sent so far (all sequence numbers below this were sent). */
    long sent() {
        return sequence.get();
    }

    /** Sequence numbers whose webhook was not answered 200 (status, or -1 for an I/O error). */
    ConcurrentHashMap<Long, Integer> failed() {
        return failed;
    }

    /** How many webhooks were not answered 200, by status ({@code "io-error"}: no status line, e.g. a timeout). */
    SortedMap<String, Long> failedByStatus() {
        SortedMap<String, Long> byStatus = new TreeMap<>();
        failed.values().forEach(status -> byStatus.merge(status < 0 ? "io-error" : status.toString(), 1L, Long::sum));
        return byStatus;
    }

    /** The I/O errors behind {@code "io-error"}: exception and message, and how often. */
    SortedMap<String, Long> ioErrors() {
        return new TreeMap<>(ioErrors);
    }

    /** A closed loop for {@code duration}, continued until at least {@code minMessages} were sent in it. */
    void warmUp(int connections, Duration duration, long minMessages) throws InterruptedException {
        Result result = closedLoop(connections, duration, 0);
        long more = minMessages - (result.endSeq() - result.firstSeq());
        if (more > 0) {
            closedLoop(connections, Duration.ofHours(1), more);
        }
    }

    /** Closed loop on {@code connections} connections for {@code duration}, or until {@code maxMessages} were sent. */
    Result closedLoop(int connections, Duration duration, long maxMessages) throws InterruptedException {
        long first = sequence.get();
        long limit = maxMessages <= 0 ? Long.MAX_VALUE : first + maxMessages;
        return run(
                connections,
                (connection, histogram, start, deadline, counters) -> {
                    while (System.nanoTime() < deadline) {
                        long seq = sequence.getAndIncrement();
                        if (seq >= limit) {
                            sequence.decrementAndGet();
                            break;
                        }
                        byte[] request = webhooks.request(seq);
                        long sentAt = System.nanoTime();
                        send(connection, seq, request, counters);
                        histogram.recordValue(Math.min(HIGHEST_MICROS, (System.nanoTime() - sentAt) / 1000));
                    }
                },
                duration,
                first);
    }

    /**
     * Open loop at {@code rate} requests per second in total for {@code duration}. Requests fall behind
     * their schedule when the server is slower than the rate; those still unsent when twice the duration
     * is over are not sent but recorded with the latency they had reached by then (a lower bound), so an
     * overloaded run ends in bounded time without hiding its backlog.
     */
    Result openLoop(int connections, double rate, Duration duration) throws InterruptedException {
        long first = sequence.get();
        long interval = (long) (1e9 * connections / rate);
        return run(
                connections,
                (connection, histogram, start, deadline, counters) -> {
                    long offset = interval * counters.index / connections;
                    long hardStop = deadline + duration.toNanos();
                    for (long k = 0; ; k++) {
                        long due = start + offset + k * interval;
                        if (due >= deadline) {
                            break;
                        }
                        long now = System.nanoTime();
                        if (now > hardStop) {
                            counters.unsent++;
                            histogram.recordValue(Math.min(HIGHEST_MICROS, (now - due) / 1000));
                            continue;
                        }
                        for (long wait = due - now; wait > 0; wait = due - System.nanoTime()) {
                            LockSupport.parkNanos(wait);
                        }
                        long seq = sequence.getAndIncrement();
                        send(connection, seq, webhooks.request(seq), counters);
                        histogram.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, System.nanoTime() - due) / 1000));
                    }
                },
                duration,
                first);
    }

    private void send(RawHttpConnection connection, long seq, byte[] request, Counters counters) {
        int status;
        try {
            status = connection.exchange(request);
        } catch (IOException e) {
            status = -1;
            ioErrors.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1L, Long::sum);
        }
        if (status == 200) {
            counters.ok++;
        } else {
            counters.failures++;
            failed.put(seq, status);
        }
    }

    private interface Loop {
        void run(RawHttpConnection connection, Histogram histogram, long start, long deadline, Counters counters);
    }

    private static final class Counters {
        final int index;
        long ok;
        long failures;
        long unsent;

        Counters(int index) {
            this.index = index;
        }
    }

    private Result run(int connections, Loop loop, Duration duration, long first) throws InterruptedException {
        List<RawHttpConnection> open = new ArrayList<>();
        try {
            for (int i = 0; i < connections; i++) {
                RawHttpConnection connection = new RawHttpConnection(host, port);
                connection.connect();
                open.add(connection);
            }
        } catch (IOException e) {
            open.forEach(RawHttpConnection::close);
            throw new IllegalStateException(
                    "could not open " + connections + " connections to " + host + ":" + port, e);
        }
        List<Histogram> histograms = new ArrayList<>();
        List<Counters> counters = new ArrayList<>();
        CountDownLatch ready = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(connections);
        long[] startHolder = new long[1];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Histogram histogram = new Histogram(HIGHEST_MICROS, 3);
            Counters c = new Counters(i);
            histograms.add(histogram);
            counters.add(c);
            RawHttpConnection connection = open.get(i);
            Thread t = new Thread(
                    () -> {
                        try {
                            ready.await();
                            long start = startHolder[0];
                            loop.run(connection, histogram, start, start + duration.toNanos(), c);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } finally {
                            connection.close();
                            done.countDown();
                        }
                    },
                    "load-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        startHolder[0] = System.nanoTime();
        ready.countDown();
        done.await();
        long elapsed = System.nanoTime() - startHolder[0];
        for (Thread t : threads) {
            t.join();
        }
        Histogram all = new Histogram(HIGHEST_MICROS, 3);
        histograms.forEach(all::add);
        long ok = counters.stream().mapToLong(c -> c.ok).sum();
        long failures = counters.stream().mapToLong(c -> c.failures).sum();
        long unsent = counters.stream().mapToLong(c -> c.unsent).sum();
        return new Result(
                first,
                sequence.get(),
                ok,
                failures,
                unsent,
                Duration.ofNanos(elapsed),
                all,
                startHolder[0],
                connections);
    }
}
