package com.vendin.whatsapp.app.support;

import java.net.URI;
import org.junit.jupiter.api.Assumptions;
import redis.clients.jedis.JedisPooled;

/** The machine's real Redis for end-to-end tests: skipped with a message when absent, a failure when {@code CI=true}. */
public final class RedisAvailable {
    public static final String URL = "redis://127.0.0.1:6379";

    private RedisAvailable() {}

    /** Returns {@link #URL} when Redis answers there; otherwise skips the test (fails it in CI). */
    public static String urlOrSkip() {
        try (JedisPooled redis = new JedisPooled(URI.create(URL), 1_000)) {
            redis.ping();
            return URL;
        } catch (RuntimeException e) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("Redis does not answer on " + URL + " and CI=true", e);
            }
            Assumptions.abort("Redis does not answer on " + URL + ": test skipped (it fails when CI=true)");
            throw new IllegalStateException("unreachable");
        }
    }
}
