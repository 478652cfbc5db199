package com.vendin.whatsapp.persistence.contract;

import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.tenant.JdbiAdminPhoneRepository;
import com.vendin.whatsapp.persistence.tenant.JdbiTenantDirectory;
import com.vendin.whatsapp.persistence.tenant.JdbiTenantRepository;
import com.vendin.whatsapp.persistence.testing.Backend;
import com.vendin.whatsapp.persistence.testing.TestDatabases;
import com.vendin.whatsapp.ports.testing.contract.TenantStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The tenant ports' contract over the Jdbi adapters, on SQLite and on PostgreSQL. */
@ParameterizedClass
@EnumSource(Backend.class)
class JdbiTenantStoreTest extends TenantStoreContract {
    @Parameter
    Backend backend;

    @TempDir
    Path dir;

    private Database db;

    @Override
    protected Stores newStores() {
        db = backend.migrated(dir);
        return new Stores(
                new JdbiTenantRepository(db, TestDatabases.cipher(), TestDatabases.CLOCK),
                new JdbiTenantDirectory(db, TestDatabases.cipher()),
                new JdbiAdminPhoneRepository(db));
    }

    @AfterEach
    void close() {
        db.close();
    }
}
