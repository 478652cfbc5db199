package com.vendin.whatsapp.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.vendin.whatsapp.app.config.GatewayConfig;
import java.util.Optional;
import redis.clients.jedis.JedisPooled;

/** The shared Redis connection pool, present only when {@code REDIS_URL} is set. */
final class RedisModule extends AbstractModule {
    static final int TIMEOUT_MILLIS = 2_000;

    @Provides
    @Singleton
    Optional<JedisPooled> redis(GatewayConfig config) {
        return config.redisUrl().map(url -> new JedisPooled(url, TIMEOUT_MILLIS));
    }
}
