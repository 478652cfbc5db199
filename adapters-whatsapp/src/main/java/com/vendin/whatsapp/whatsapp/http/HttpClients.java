package com.vendin.whatsapp.whatsapp.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/** Factory of the one {@link OkHttpClient} the provider clients share, with explicit timeouts. */
public final class HttpClients {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration WRITE_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    /**
     * Idle keep-alive connections kept: enough for every delivery and send worker (48) to find one, where
     * OkHttp's default of 5 would close most connections after each call and open new ones under load.
     */
    public static final int IDLE_CONNECTIONS = 64;

    public static final Duration KEEP_ALIVE = Duration.ofMinutes(5);

    private HttpClients() {}

    /**
     * A new client: connect 5 s, read and write 15 s, whole call 30 s, 64 idle connections, no silent repeat of a
     * request on a dropped connection. Make one and share it.
     */
    public static OkHttpClient standard() {
        return new OkHttpClient.Builder()
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(READ_TIMEOUT)
                .writeTimeout(WRITE_TIMEOUT)
                .callTimeout(CALL_TIMEOUT)
                .connectionPool(new ConnectionPool(IDLE_CONNECTIONS, KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS))
                // OkHttp would repeat a POST whose connection dropped after the request was written: a provider
                // send (or a tenant call) the other side already took would go twice. A failure goes to the
                // gateway's own retries instead, which let the provider's statuses record an accepted send first.
                .retryOnConnectionFailure(false)
                .build();
    }
}
