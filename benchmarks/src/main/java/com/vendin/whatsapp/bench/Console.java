package com.vendin.whatsapp.bench;

import java.io.PrintStream;
import java.time.Duration;

/** Progress lines on stderr, with the seconds since the run began. */
final class Console {
    private final PrintStream out;
    private final long start = System.nanoTime();

    Console(PrintStream out) {
        this.out = out;
    }

    void step(String format, Object... args) {
        out.printf("[%6.1fs] %s%n", elapsed(), String.format(format, args));
    }

    void result(String format, Object... args) {
        out.printf("[%6.1fs]   -> %s%n", elapsed(), String.format(format, args));
    }

    private double elapsed() {
        return Duration.ofNanos(System.nanoTime() - start).toMillis() / 1000.0;
    }
}
