package com.vendin.whatsapp.bench;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Named daemon threads, so that a forgotten pool never keeps the runner alive; and the mocks' socket setting. */
final class Daemons {
    private Daemons() {}

    static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * The JDK's HTTP server writes a response's headers and body separately without TCP_NODELAY, so Nagle's
     * algorithm holds the body until the client's delayed ACK (about 40 ms on Linux): every "instant" mock
     * answer would take 40 ms and cap the gateway's workers at about 25 calls a second each. Must be set
     * before the first server is created (the JDK reads it once).
     */
    static void noDelayForJdkHttpServer() {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }
}
