package com.vendin.whatsapp.app.worker;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One claim loop and its worker threads: claims as many due items as it has idle workers, runs each on
 * a worker, and sleeps until signalled (new work, a worker freed) or until the next poll.
 *
 * @param <T> the claimed item
 */
final class Dispatcher<T> {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final Object SIGNAL = new Object();

    private final String name;
    private final IntFunction<List<T>> claim;
    private final Consumer<T> handle;
    private final int concurrency;
    private final Duration pollInterval;
    private final BlockingQueue<Object> wakeUps = new ArrayBlockingQueue<>(1);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ExecutorService workers;
    private final Thread loop;
    private volatile boolean running;

    Dispatcher(String name, IntFunction<List<T>> claim, Consumer<T> handle, int concurrency, Duration pollInterval) {
        this.name = name;
        this.claim = claim;
        this.handle = handle;
        this.concurrency = concurrency;
        this.pollInterval = pollInterval;
        this.workers = Executors.newFixedThreadPool(concurrency, named(name + "-worker"));
        this.loop = named(name + "-dispatcher").newThread(this::run);
    }

    void start() {
        running = true;
        loop.start();
    }

    /** Wakes the claim loop now. */
    void signal() {
        wakeUps.offer(SIGNAL);
    }

    /** Stops claiming and waits up to {@code grace} for running items to finish. */
    void stop(Duration grace) {
        running = false;
        signal();
        try {
            // The loop first, so that it claims nothing it could no longer hand to a worker.
            loop.join(grace.toMillis());
            workers.shutdown();
            if (!workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
    }

    private void run() {
        while (running) {
            int claimed;
            try {
                claimed = claimAndSubmit();
            } catch (RuntimeException | Error e) {
                // Whatever went wrong (a thread the pool could not start, a class that failed to load), the loop
                // must not die: a gateway that acknowledges webhooks and never delivers them again is the worst
                // way to fail. It tries again after the poll interval.
                LOG.error("{}: claiming work failed; trying again in {} ms", name, pollInterval.toMillis(), e);
                claimed = 0;
            }
            boolean saturated = inFlight.get() >= concurrency;
            if (claimed == 0 || saturated) {
                awaitSignal();
            }
        }
    }

    private int claimAndSubmit() {
        int idle = concurrency - inFlight.get();
        if (idle <= 0) {
            return 0;
        }
        List<T> items = claim.apply(idle); // a failure is logged by run(), which tries again after the poll
        for (T item : items) {
            inFlight.incrementAndGet();
            try {
                workers.execute(() -> runOne(item));
            } catch (RejectedExecutionException stopping) {
                // Only while stopping: the items not handed over keep their leases and are claimed again later.
                inFlight.decrementAndGet();
                LOG.info("{}: stopping; a claimed item is left to its lease", name);
            }
        }
        return items.size();
    }

    private void runOne(T item) {
        try {
            handle.accept(item);
        } catch (RuntimeException e) {
            LOG.error("{}: handling a claimed item failed; its lease will expire and it will be tried again", name, e);
        } finally {
            inFlight.decrementAndGet();
            signal();
        }
    }

    private void awaitSignal() {
        try {
            wakeUps.poll(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
