package com.vendin.whatsapp.persistence.health;

import com.vendin.whatsapp.ports.health.HealthCheck;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;

/** The {@code redis} check of {@code GET /health}: {@code PING} through the pool. */
public final class RedisHealthCheck implements HealthCheck {
    private static final Logger LOG = LoggerFactory.getLogger(RedisHealthCheck.class);

    private final UnifiedJedis redis;

    public RedisHealthCheck(UnifiedJedis redis) {
        this.redis = Objects.requireNonNull(redis, "redis");
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public Result check() {
        try {
            String answer = redis.ping();
            return "PONG".equalsIgnoreCase(answer) ? Result.ok() : Result.failing("unexpected answer to PING");
        } catch (RuntimeException e) {
            LOG.warn("redis health check failed: {}", e.getClass().getSimpleName());
            return Result.failing("redis unavailable: " + e.getClass().getSimpleName());
        }
    }
}
