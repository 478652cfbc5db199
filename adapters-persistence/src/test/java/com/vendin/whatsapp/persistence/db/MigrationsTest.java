package com.vendin.whatsapp.persistence.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.persistence.testing.Backend;
import com.vendin.whatsapp.persistence.testing.PostgresServer;
import com.vendin.whatsapp.persistence.testing.Sql;
import com.vendin.whatsapp.persistence.testing.TestDatabases;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One set of migrations for SQLite and PostgreSQL, and SQLite files made by the older V1 still open. */
class MigrationsTest {
    @TempDir
    Path dir;

    @Test
    void anSqliteDatabaseMadeByTheOlderV1TextIsMigratedToTheNewestVersion() {
        String url = "jdbc:sqlite:" + TestDatabases.file(dir);
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/legacy-v1").load().migrate();

        try (Database db = Database.open(url)) {
            assertThat(Sql.number(db, "SELECT checksum FROM flyway_schema_history WHERE version = '1'"))
                    .isEqualTo(Migrations.LEGACY_V1_CHECKSUM);
            db.migrate();

            assertThat(Sql.number(db, "SELECT checksum FROM flyway_schema_history WHERE version = '1'"))
                    .isEqualTo(Migrations.V1_CHECKSUM);
            assertThat(Sql.strings(db, "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank"))
                    .startsWith("1", "3", "5", "6");
            Sql.exec(db, "INSERT INTO whatsapp_number_pool (phone_number, status, created_at, updated_at) "
                    + "VALUES ('+15550000001', 'available', 0, 0)");
            assertThat(Sql.number(db, "SELECT id FROM whatsapp_number_pool")).isEqualTo(1);
        }
    }

    @Test
    void bothDatabasesRecordTheSameChecksumsAndGenerateKeys() {
        try (Database sqlite = Backend.SQLITE.migrated(dir); Database postgres = Backend.POSTGRES.migrated(dir)) {
            String checksums = "SELECT version || ':' || checksum FROM flyway_schema_history WHERE success "
                    + "AND version IS NOT NULL ORDER BY installed_rank";
            assertThat(Sql.strings(postgres, checksums)).isEqualTo(Sql.strings(sqlite, checksums))
                    .startsWith("1:" + Migrations.V1_CHECKSUM);
            assertThat(PostgresServer.url()).startsWith("jdbc:postgresql://127.0.0.1:5432/gw_test_");
            for (Database db : new Database[] {sqlite, postgres}) {
                Sql.exec(db, "INSERT INTO whatsapp_number_pool (phone_number, status, created_at, updated_at) "
                        + "VALUES ('+15550000001', 'available', 0, 0), ('+15550000002', 'available', 0, 0)");
                assertThat(Sql.strings(db, "SELECT CAST(id AS TEXT) FROM whatsapp_number_pool ORDER BY id"))
                        .containsExactly("1", "2");
            }
        }
    }
}
