package com.vendin.whatsapp.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.vendin.whatsapp.app.config.GatewayConfig;
import java.util.Optional;
import redis.clients.jedis.JedisPooled;

/** The Redis connection pool from {@code REDIS_URL}; empty when it is unset (in-process stores are used then). */
final class RedisModule extends AbstractModule {

    @Provides
    @Singleton
    Optional<JedisPooled> redis(GatewayConfig config) {
        return config.redisUrl().map(JedisPooled::new);
    }
}
