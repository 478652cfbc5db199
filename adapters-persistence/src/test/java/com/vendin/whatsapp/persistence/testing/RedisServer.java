package com.vendin.whatsapp.persistence.testing;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The machine's real Redis on 127.0.0.1:6379 for tests: skipped with a message when it does not answer,
 * a failure when {@code CI=true}. Each test takes a random key prefix and deletes its keys afterwards.
 */
public final class RedisServer {
    public static final String URL = "redis://127.0.0.1:6379";

    private RedisServer() {}

    /** A pool to the real server, or the test is skipped (failed in CI) when it does not answer. */
    public static JedisPooled connectOrSkip() {
        JedisPooled redis = new JedisPooled(java.net.URI.create(URL), 1_000);
        try {
            redis.ping();
            return redis;
        } catch (RuntimeException e) {
            redis.close();
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("Redis does not answer on " + URL + " and CI=true", e);
            }
            Assumptions.abort("Redis does not answer on " + URL + ": test skipped (it fails when CI=true)");
            throw new IllegalStateException("unreachable");
        }
    }

    public static String randomPrefix() {
        return "test-" + UUID.randomUUID() + ":";
    }

    /** Deletes every key under {@code prefix}. */
    public static void deleteKeys(JedisPooled redis, String prefix) {
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page =
                    redis.scan(cursor, new ScanParams().match(prefix + "*").count(500));
            Set<String> keys = Set.copyOf(page.getResult());
            if (!keys.isEmpty()) {
                redis.del(keys.toArray(String[]::new));
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
    }
}
