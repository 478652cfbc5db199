package com.vendin.whatsapp.persistence.ratelimit;

import com.vendin.whatsapp.ports.inbound.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import redis.clients.jedis.UnifiedJedis;

/**
 * A sliding-window rate limiter shared by every gateway using one Redis: per key a sorted set of event
 * times, pruned, counted and added to in one Lua script (atomic across instances); each key expires one
 * window after its last event, so idle senders cost nothing.
 */
public final class RedisRateLimiter implements RateLimiter {
    /** KEYS[1] the window; ARGV: now (ms), window (ms), limit, a unique member. 1 = counted, 0 = refused. */
    static final String SCRIPT = String.join(
            "\n",
            "redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))",
            "if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then",
            "  redis.call('PEXPIRE', KEYS[1], ARGV[2])",
            "  return 0",
            "end",
            "redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])",
            "redis.call('PEXPIRE', KEYS[1], ARGV[2])",
            "return 1");
    /** KEYS[1] the window; ARGV[1] the time (ms) of the event to give back: one member with that score goes. */
    static final String RELEASE_SCRIPT = String.join(
            "\n",
            "local m = redis.call('ZRANGEBYSCORE', KEYS[1], ARGV[1], ARGV[1], 'LIMIT', 0, 1)",
            "if #m > 0 then redis.call('ZREM', KEYS[1], m[1]) return 1 end",
            "return 0");

    public static final String DEFAULT_PREFIX = "whatsapp-gateway:rate:";

    private final UnifiedJedis redis;
    private final String prefix;

    public RedisRateLimiter(UnifiedJedis redis) {
        this(redis, DEFAULT_PREFIX);
    }

    /** With every key under {@code prefix} (tests use a random one). */
    public RedisRateLimiter(UnifiedJedis redis, String prefix) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
    }

    @Override
    public boolean tryAcquire(String key, int limit, Duration window, Instant now) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(now, "now");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the window must be positive");
        }
        Object answer = redis.eval(
                SCRIPT,
                List.of(prefix + key),
                List.of(
                        Long.toString(now.toEpochMilli()),
                        Long.toString(window.toMillis()),
                        Integer.toString(limit),
                        now.toEpochMilli() + ":" + UUID.randomUUID()));
        return Long.valueOf(1L).equals(answer);
    }

    @Override
    public void release(String key, Instant acquiredAt) {
        Objects.requireNonNull(key, "key");
        redis.eval(RELEASE_SCRIPT, List.of(prefix + key), List.of(Long.toString(acquiredAt.toEpochMilli())));
    }
}
