package com.vendin.whatsapp.persistence.testing;

import com.vendin.whatsapp.persistence.db.Database;
import java.nio.file.Path;

/** The databases every store test runs against (with {@code @ParameterizedClass @EnumSource(Backend.class)}). */
public enum Backend {
    SQLITE {
        @Override
        public Database migrated(Path dir) {
            return TestDatabases.migrated(dir);
        }
    },
    POSTGRES {
        @Override
        public Database migrated(Path dir) {
            return PostgresServer.emptied();
        }
    };

    /** A migrated, empty database: an SQLite file in {@code dir}, or this run's PostgreSQL database emptied. */
    public abstract Database migrated(Path dir);
}
