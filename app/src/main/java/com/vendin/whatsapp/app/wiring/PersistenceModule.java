package com.vendin.whatsapp.app.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.vendin.whatsapp.app.config.GatewayConfig;
import com.vendin.whatsapp.app.config.SecretKeyFile;
import com.vendin.whatsapp.persistence.crypto.CredentialCipher;
import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.db.DatabaseConfig;
import com.vendin.whatsapp.persistence.health.DatabaseHealthCheck;
import com.vendin.whatsapp.persistence.health.RedisHealthCheck;
import com.vendin.whatsapp.persistence.identity.JdbiPersonDirectory;
import com.vendin.whatsapp.persistence.identity.JdbiStandbyLog;
import com.vendin.whatsapp.persistence.message.Acknowledgements;
import com.vendin.whatsapp.persistence.message.JdbiDeliveryQueue;
import com.vendin.whatsapp.persistence.message.JdbiInbox;
import com.vendin.whatsapp.persistence.message.JdbiOutboundQueue;
import com.vendin.whatsapp.persistence.query.JdbiMessageQueries;
import com.vendin.whatsapp.persistence.ratelimit.InProcessRateLimiter;
import com.vendin.whatsapp.persistence.ratelimit.RedisRateLimiter;
import com.vendin.whatsapp.persistence.tenant.JdbiAdminPhoneRepository;
import com.vendin.whatsapp.persistence.tenant.JdbiTenantDirectory;
import com.vendin.whatsapp.persistence.tenant.JdbiTenantRepository;
import com.vendin.whatsapp.persistence.tenant.TenantCache;
import com.vendin.whatsapp.ports.delivery.DeliveryQueue;
import com.vendin.whatsapp.ports.delivery.OutboundQueue;
import com.vendin.whatsapp.ports.health.HealthCheck;
import com.vendin.whatsapp.ports.identity.PersonDirectory;
import com.vendin.whatsapp.ports.inbound.Inbox;
import com.vendin.whatsapp.ports.inbound.RateLimiter;
import com.vendin.whatsapp.ports.inbound.StandbyLog;
import com.vendin.whatsapp.ports.query.MessageQueries;
import com.vendin.whatsapp.ports.tenant.AdminPhoneRepository;
import com.vendin.whatsapp.ports.tenant.TenantDirectory;
import com.vendin.whatsapp.ports.tenant.TenantRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.JedisPooled;

/** The database-backed adapters: SQLite or PostgreSQL through Jdbi, credentials encrypted, and the rate limiter (Redis when configured, else in-process). */
final class PersistenceModule extends AbstractModule {

    @Provides
    @Singleton
    Database database(GatewayConfig config) {
        return Database.open(DatabaseConfig.of(config.databaseUrl()));
    }

    @Provides
    @Singleton
    CredentialCipher cipher(GatewayConfig config) {
        return new CredentialCipher(SecretKeyFile.resolve(config));
    }

    /** Tenants, numbers, decrypted credentials and admin phones in memory, for the message path's lookups. */
    @Provides
    @Singleton
    TenantCache tenantCache(Database db) {
        return new TenantCache(db);
    }

    /** Administration's tenants: every read goes to the database. */
    @Provides
    @Singleton
    TenantRepository tenants(Database db, CredentialCipher cipher, Clock clock) {
        return new JdbiTenantRepository(db, cipher, clock);
    }

    @Provides
    @Singleton
    TenantDirectory directory(Database db, CredentialCipher cipher) {
        return new JdbiTenantDirectory(db, cipher);
    }

    @Provides
    @Singleton
    @MessagePath
    TenantRepository cachedTenants(Database db, CredentialCipher cipher, Clock clock, TenantCache cache) {
        return new JdbiTenantRepository(db, cipher, clock, cache);
    }

    @Provides
    @Singleton
    @MessagePath
    TenantDirectory cachedDirectory(Database db, CredentialCipher cipher, TenantCache cache) {
        return new JdbiTenantDirectory(db, cipher, cache);
    }

    @Provides
    @Singleton
    AdminPhoneRepository adminPhones(Database db) {
        return new JdbiAdminPhoneRepository(db);
    }

    /** Acknowledged webhooks' messages whose hold the next delivery claim lifts (one write per webhook). */
    @Provides
    @Singleton
    Acknowledgements acknowledgements() {
        return new Acknowledgements();
    }

    @Provides
    @Singleton
    Inbox inbox(Database db, Clock clock, Acknowledgements acknowledgements) {
        return new JdbiInbox(db, clock, JdbiInbox.ACK_HOLD, acknowledgements);
    }

    @Provides
    @Singleton
    PersonDirectory personDirectory(Database db) {
        return new JdbiPersonDirectory(db);
    }

    @Provides
    @Singleton
    StandbyLog standbyLog(Database db, Clock clock) {
        return new JdbiStandbyLog(db, clock);
    }

    @Provides
    @Singleton
    DeliveryQueue deliveryQueue(Database db, Acknowledgements acknowledgements) {
        return new JdbiDeliveryQueue(db, acknowledgements);
    }

    @Provides
    @Singleton
    OutboundQueue outboundQueue(Database db) {
        return new JdbiOutboundQueue(db);
    }

    @Provides
    @Singleton
    MessageQueries messageQueries(Database db) {
        return new JdbiMessageQueries(db);
    }

    @Provides
    @Singleton
    RateLimiter rateLimiter(Optional<JedisPooled> redis) {
        return redis.<RateLimiter>map(RedisRateLimiter::new).orElseGet(InProcessRateLimiter::new);
    }

    @Provides
    @Singleton
    List<HealthCheck> healthChecks(Database db, Optional<JedisPooled> redis) {
        List<HealthCheck> checks = new ArrayList<>(List.of(new DatabaseHealthCheck(db)));
        redis.ifPresent(r -> checks.add(new RedisHealthCheck(r)));
        return List.copyOf(checks);
    }
}
