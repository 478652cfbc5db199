package com.vendin.whatsapp.persistence.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.persistence.testing.RedisServer;
import com.vendin.whatsapp.ports.inbound.RateLimiter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/** The Redis limiter, against the real server, passes the rate-limiter contract; instances share counts; keys expire. */
class RedisRateLimiterTest extends RateLimiterContract {
    private JedisPooled redis;
    private String prefix;
    private RedisRateLimiter limiter;

    @BeforeEach
    void connect() {
        redis = RedisServer.connectOrSkip();
        prefix = RedisServer.randomPrefix();
        limiter = new RedisRateLimiter(redis, prefix);
    }

    @AfterEach
    void cleanUp() {
        if (redis != null) {
            RedisServer.deleteKeys(redis, prefix);
            redis.close();
        }
    }

    @Override
    protected RateLimiter limiter() {
        return limiter;
    }

    @Test
    void givenTwoGatewaysOnOneRedisWhenBothCountOneSenderThenTheLimitIsShared() {
        RedisRateLimiter other = new RedisRateLimiter(redis, prefix);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("ana", 5, MINUTE, T0.plusSeconds(i))).isTrue();
        }
        assertThat(other.tryAcquire("ana", 5, MINUTE, T0.plusSeconds(3))).isTrue();
        assertThat(other.tryAcquire("ana", 5, MINUTE, T0.plusSeconds(4))).isTrue();

        assertThat(limiter.tryAcquire("ana", 5, MINUTE, T0.plusSeconds(5))).isFalse();
        assertThat(other.tryAcquire("ana", 5, MINUTE, T0.plusSeconds(5))).isFalse();
    }

    @Test
    void givenAnEventWhenCountedThenItsKeyExpiresWithinOneWindow() {
        limiter.tryAcquire("ana", 5, MINUTE, T0);

        long ttl = redis.pttl(prefix + "ana");

        assertThat(ttl).isPositive().isLessThanOrEqualTo(MINUTE.toMillis());
        assertThat(redis.zcard(prefix + "ana")).isEqualTo(1);
    }
}
