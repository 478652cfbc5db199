package com.vendin.whatsapp.persistence.otp;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.vendin.whatsapp.ports.otp.OtpStore;
import com.vendin.whatsapp.ports.testing.contract.OtpStoreContract;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The OTP store contract against the real Redis on 127.0.0.1:6379, under a random key prefix that is
 * deleted afterwards. Skipped when no server answers, except in CI ({@code CI=true}) where that fails.
 */
class RedisOtpStoreTest extends OtpStoreContract {
    private final String prefix = "wgw-test-" + UUID.randomUUID() + ":";
    private JedisPooled redis;

    @Override
    protected OtpStore newStore() {
        redis = RedisServer.connectOrSkip();
        return new RedisOtpStore(redis, prefix);
    }

    @AfterEach
    void deleteKeys() {
        if (redis == null) {
            return;
        }
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page =
                    redis.scan(cursor, new ScanParams().match(prefix + "*").count(100));
            page.getResult().forEach(redis::del);
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        redis.close();
    }

    /** Connects to the local Redis or skips the test (fails instead in CI). */
    static final class RedisServer {
        private RedisServer() {}

        static JedisPooled connectOrSkip() {
            JedisPooled client = new JedisPooled("127.0.0.1", 6379);
            try {
                client.ping();
                return client;
            } catch (RuntimeException e) {
                client.close();
                if ("true".equals(System.getenv("CI"))) {
                    throw new AssertionError("Redis on 127.0.0.1:6379 is required in CI", e);
                }
                assumeTrue(false, "no Redis on 127.0.0.1:6379; skipping the Redis OTP store contract");
                return client;
            }
        }
    }
}
