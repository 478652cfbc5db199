package com.vendin.whatsapp.persistence.contract;

import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.message.JdbiDeliveryQueue;
import com.vendin.whatsapp.persistence.message.JdbiInbox;
import com.vendin.whatsapp.persistence.message.JdbiOutboundQueue;
import com.vendin.whatsapp.persistence.query.JdbiMessageQueries;
import com.vendin.whatsapp.persistence.tenant.JdbiTenantRepository;
import com.vendin.whatsapp.persistence.testing.Backend;
import com.vendin.whatsapp.persistence.testing.TestDatabases;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.tenant.Tenant;
import com.vendin.whatsapp.ports.tenant.TenantId;
import com.vendin.whatsapp.ports.testing.MutableClock;
import com.vendin.whatsapp.ports.testing.contract.MessageStoreContract;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The message ports' contract over the Jdbi adapters, on SQLite and on PostgreSQL. */
@ParameterizedClass
@EnumSource(Backend.class)
class JdbiMessageStoreTest extends MessageStoreContract {
    @Parameter
    Backend backend;

    @TempDir
    Path dir;

    private Database db;

    @Override
    protected Stores newStores(MutableClock clock) {
        db = backend.migrated(dir);
        JdbiTenantRepository tenants = new JdbiTenantRepository(db, TestDatabases.cipher(), clock);
        for (TenantId id : new TenantId[] {MODA, LOJA}) {
            tenants.insert(new Tenant(
                    id,
                    id.value(),
                    URI.create("http://" + id.value() + ".internal"),
                    new Secret("secret-" + id.value()),
                    Optional.empty(),
                    clock.instant(),
                    clock.instant()));
        }
        return new Stores(
                new JdbiInbox(db, clock),
                new JdbiDeliveryQueue(db),
                new JdbiOutboundQueue(db),
                new JdbiMessageQueries(db));
    }

    @AfterEach
    void close() {
        db.close();
    }
}
