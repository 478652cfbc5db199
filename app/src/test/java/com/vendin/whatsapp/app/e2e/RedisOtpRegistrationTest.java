package com.vendin.whatsapp.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.vendin.whatsapp.app.support.FakeGraph;
import com.vendin.whatsapp.app.support.FakeTenant;
import com.vendin.whatsapp.app.support.HttpResult;
import com.vendin.whatsapp.app.support.TestGateway;
import com.vendin.whatsapp.ports.otp.OtpStore;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.JedisPooled;

/**
 * With {@code REDIS_URL} set the codes live in the real Redis (127.0.0.1:6379, db 5, a random phone so
 * parallel runs never share keys): the rate limit and the single use hold there too, and the code is
 * stored only as a hash. Skipped without a Redis server, except in CI where that fails.
 */
class RedisOtpRegistrationTest {
    private static final String REDIS_URL = "redis://127.0.0.1:6379/5";
    private static final Pattern SIX_DIGITS = Pattern.compile("(?<![0-9])[0-9]{6}(?![0-9])");

    @TempDir
    Path dir;

    private final String phone = "+55119" + (10_000_000 + new SecureRandom().nextInt(89_999_999));
    private JedisPooled redis;
    private FakeGraph graph;
    private FakeTenant moda;
    private TestGateway gateway;

    @BeforeEach
    void start() throws IOException {
        redis = new JedisPooled(java.net.URI.create(REDIS_URL));
        try {
            redis.ping();
        } catch (RuntimeException e) {
            redis.close();
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("Redis on 127.0.0.1:6379 is required in CI", e);
            }
            assumeTrue(false, "no Redis on 127.0.0.1:6379; skipping the Redis-backed registration test");
        }
        graph = new FakeGraph().start();
        moda = new FakeTenant().start();
        Map<String, String> env = TestGateway.environment(dir, graph.baseUrl());
        env.put("REDIS_URL", REDIS_URL);
        gateway = TestGateway.start(env);
        HttpResult created = gateway.admin(
                "POST",
                "/api/v1/tenants",
                "{\"id\":\"moda-brasil\",\"subdomain\":\"moda-brasil\",\"instanceUrl\":\"" + moda.url() + "\"}");
        assertThat(created.code()).as(created.body()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
            moda.close();
            graph.close();
            redis.del("wgw:otp:code:" + phone, "wgw:otp:issued:" + phone);
            redis.close();
        }
    }

    @Test
    void codesKeptInRedisAreRateLimitedHashedAndConsumedExactlyOnce() throws Exception {
        assertThat(gateway.instance(OtpStore.class).getClass().getSimpleName()).isEqualTo("RedisOtpStore");
        assertThat(ask().code()).isEqualTo(202);
        assertThat(ask().errorCode()).isEqualTo("too_many_requests");
        Matcher matcher = SIX_DIGITS.matcher(graph.sends().get(0).text());
        assertThat(matcher.find()).isTrue();
        String code = matcher.group();
        Map<String, String> stored = redis.hgetAll("wgw:otp:code:" + phone);
        assertThat(stored).containsKeys("hash", "salt").doesNotContainValue(code);
        assertThat(stored.values()).noneMatch(value -> value.contains(code));
        assertThat(redis.pttl("wgw:otp:code:" + phone)).isPositive();

        assertThat(confirmAllAtOnce(code, 4)).containsOnlyOnce(201).containsOnly(201, 400);
        assertThat(redis.exists("wgw:otp:code:" + phone)).isFalse();
    }

    private List<Integer> confirmAllAtOnce(String code, int callers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResult>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return gateway.admin(
                            "POST",
                            "/api/v1/tenants/moda-brasil/admin-phones",
                            "{\"phone\":\"" + phone + "\",\"otp\":\"" + code + "\",\"userId\":\"user-1\"}");
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResult> future : futures) {
                statuses.add(future.get(30, TimeUnit.SECONDS).code());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private HttpResult ask() {
        return gateway.admin(
                "POST",
                "/api/v1/tenants/moda-brasil/admin-phones/verifications",
                "{\"phone\":\"" + phone + "\",\"userId\":\"user-1\"}");
    }
}
