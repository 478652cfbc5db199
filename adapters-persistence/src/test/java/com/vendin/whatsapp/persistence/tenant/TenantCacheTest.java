package com.vendin.whatsapp.persistence.tenant;

import static com.vendin.whatsapp.persistence.testing.Samples.metaNumber;
import static com.vendin.whatsapp.persistence.testing.Samples.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.db.DatabaseConfig;
import com.vendin.whatsapp.persistence.numbers.JdbiNumberPool;
import com.vendin.whatsapp.persistence.testing.Backend;
import com.vendin.whatsapp.persistence.testing.Sql;
import com.vendin.whatsapp.persistence.testing.TestDatabases;
import com.vendin.whatsapp.ports.numbers.PoolStatus;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.AdminPhone;
import com.vendin.whatsapp.ports.tenant.Tenant;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The routing data held in memory: read once, decrypted once, forgotten at once after a change of this process and
 * within the recheck interval after a change of another process (a second {@link Database} on the same file or
 * PostgreSQL database, with its own cache, plays the other gateway). The clock of the recheck is driven by hand.
 */
@ParameterizedClass
@EnumSource(Backend.class)
class TenantCacheTest {
    private static final Duration RECHECK = Duration.ofMillis(100);

    @Parameter
    Backend backend;

    @TempDir
    Path dir;

    Database db;
    final AtomicLong nanos = new AtomicLong();
    TenantCache cache;
    JdbiTenantRepository tenants;
    JdbiTenantDirectory directory;

    @BeforeEach
    void open() {
        db = backend.migrated(dir);
        cache = new TenantCache(db, RECHECK, 1_000, nanos::get);
        tenants = new JdbiTenantRepository(db, TestDatabases.cipher(), TestDatabases.CLOCK, cache);
        directory = new JdbiTenantDirectory(db, TestDatabases.cipher(), cache);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void givenCachedTenantWhenReadAgainThenTheSameDecryptedTenantComesWithoutReadingTheRow() {
        Tenant moda = tenant("moda", "moda", Optional.of(metaNumber("+5511933334444", "1098", "EAAG-token")));
        tenants.insert(moda);

        Tenant first = tenants.findById(moda.id()).orElseThrow();
        Tenant routed = directory.findByPhoneId("1098").orElseThrow();
        // Changing the row behind the cache's back (no trigger: the version row is set back too) shows reads stop.
        long version = Sql.number(db, "SELECT version FROM cache_versions WHERE name = 'tenants'");
        Sql.exec(db, "UPDATE tenants SET instance_url = 'http://elsewhere' WHERE id = 'moda'");
        Sql.exec(db, "UPDATE cache_versions SET version = ? WHERE name = 'tenants'", version);
        nanos.addAndGet(RECHECK.toNanos());

        assertThat(tenants.findById(moda.id()).orElseThrow()).isSameAs(first);
        assertThat(directory.findByPhoneId("1098").orElseThrow()).isSameAs(routed);
        assertThat(routed).isEqualTo(moda);
    }

    @Test
    void givenCachedTenantWhenThisProcessUpdatesItThenTheNextLookupSeesTheChangeAtOnce() {
        Tenant moda = tenant("moda", "moda", Optional.of(metaNumber("+5511933334444", "1098", "old-token")));
        tenants.insert(moda);
        assertThat(directory.findByPhoneId("1098")).contains(moda);
        assertThat(tenants.findById(moda.id())).contains(moda);

        Tenant renewed = tenant("moda", "moda", Optional.of(metaNumber("+5511933334444", "1098", "new-token")));
        tenants.update(renewed);

        assertThat(tenants.findById(moda.id())).contains(renewed);
        assertThat(directory.findByPhoneId("1098")).contains(renewed);
        assertThat(directory.findByNumber(new PhoneNumber("+5511933334444"))).contains(renewed);
    }

    @Test
    void givenUnknownNumberCachedAsAbsentWhenAPoolNumberIsAssignedToATenantThenItRoutesAtOnce() {
        tenants.insert(tenant("moda", "moda", Optional.empty()));
        PhoneNumber pooled = new PhoneNumber("+5511955556666");
        assertThat(directory.findByNumber(pooled)).isEmpty();
        assertThat(directory.findByPhoneId("2001")).isEmpty();

        JdbiNumberPool pool = new JdbiNumberPool(db);
        pool.add(pooled, "2001", PoolStatus.AVAILABLE, TestDatabases.T0);
        pool.assign(new TenantId("moda"), TestDatabases.T0);

        assertThat(directory.findByNumber(pooled).map(Tenant::id)).contains(new TenantId("moda"));
        assertThat(directory.findByPhoneId("2001").map(Tenant::id)).contains(new TenantId("moda"));
    }

    @Test
    void givenCachedTenantWhenDeletedThenItIsGoneAtOnce() {
        Tenant moda = tenant("moda", "moda", Optional.of(metaNumber("+5511933334444", "1098", "EAAG-token")));
        tenants.insert(moda);
        assertThat(tenants.findById(moda.id())).isPresent();

        tenants.delete(moda.id());

        assertThat(tenants.findById(moda.id())).isEmpty();
        assertThat(directory.findByPhoneId("1098")).isEmpty();
    }

    @Test
    void givenAnotherProcessChangesATenantWhenTheRecheckIntervalPassedThenThisProcessSeesIt() {
        Tenant moda = tenant("moda", "moda", Optional.of(metaNumber("+5511933334444", "1098", "old-token")));
        tenants.insert(moda);
        assertThat(directory.findByPhoneId("1098")).contains(moda);
        Tenant renewed = tenant("moda", "moda", Optional.of(metaNumber("+5511933334444", "1098", "new-token")));

        try (Database other = Database.open(DatabaseConfig.of(db.config().jdbcUrl()))) {
            new JdbiTenantRepository(other, TestDatabases.cipher(), TestDatabases.CLOCK).update(renewed);
        }

        nanos.addAndGet(RECHECK.toNanos() / 2);
        assertThat(directory.findByPhoneId("1098"))
                .as("within the recheck interval")
                .contains(moda);
        nanos.addAndGet(RECHECK.toNanos());
        assertThat(directory.findByPhoneId("1098")).contains(renewed);
        assertThat(tenants.findById(moda.id())).contains(renewed);
    }

    @Test
    void givenAnotherProcessRegistersAnAdminPhoneWhenTheRecheckIntervalPassedThenItIsFound() {
        tenants.insert(tenant("moda", "moda", Optional.empty()));
        PhoneNumber owner = new PhoneNumber("+5511977778888");
        assertThat(directory.findAdminByPhone(owner)).isEmpty();

        try (Database other = Database.open(DatabaseConfig.of(db.config().jdbcUrl()))) {
            new JdbiAdminPhoneRepository(other)
                    .add(new AdminPhone(
                            "adm-1",
                            new TenantId("moda"),
                            "user-1",
                            owner,
                            "owner",
                            TestDatabases.T0,
                            TestDatabases.T0));
        }
        nanos.addAndGet(RECHECK.toNanos());

        assertThat(directory.findAdminByPhone(owner).map(AdminPhone::tenantId)).contains(new TenantId("moda"));
    }

    @Test
    void givenManyLookupsWhenTheBoundIsPassedThenTheCacheStaysWithinIt() {
        for (int i = 0; i < 10_000; i++) {
            directory.findByPhoneId("unknown-" + i);
        }

        assertThat(cache.size()).isLessThanOrEqualTo(4_000);
    }
}
