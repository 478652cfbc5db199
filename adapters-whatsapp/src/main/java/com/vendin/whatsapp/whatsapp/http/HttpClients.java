package com.vendin.whatsapp.whatsapp.http;

import java.time.Duration;
import okhttp3.OkHttpClient;

/** Factory of the one {@link OkHttpClient} the provider clients share, with explicit timeouts. */
public final class HttpClients {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration WRITE_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private HttpClients() {
    }

    /** A new client: connect 5 s, read and write 15 s, whole call 30 s. Make one and share it. */
    public static OkHttpClient standard() {
        return new OkHttpClient.Builder()
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(READ_TIMEOUT)
                .writeTimeout(WRITE_TIMEOUT)
                .callTimeout(CALL_TIMEOUT)
                .build();
    }
}
