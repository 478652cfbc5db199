package com.vendin.whatsapp.persistence.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:db/legacy-v1")
                .load()
                .migrate();

        try (Database db = Database.open(url)) {
            assertThat(Sql.number(db, "SELECT checksum FROM flyway_schema_history WHERE version = '1'"))
                    .isEqualTo(Migrations.LEGACY_V1_CHECKSUM);
            db.migrate();

            assertThat(Sql.number(db, "SELECT checksum FROM flyway_schema_history WHERE version = '1'"))
                    .isEqualTo(Migrations.V1_CHECKSUM);
            assertThat(Sql.strings(
                            db, "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank"))
                    .startsWith("1", "3", "5", "6");
            Sql.exec(
                    db,
                    "INSERT INTO whatsapp_number_pool (phone_number, status, created_at, updated_at) "
                            + "VALUES ('+15550000001', 'available', 0, 0)");
            assertThat(Sql.number(db, "SELECT id FROM whatsapp_number_pool")).isEqualTo(1);
        }
    }

    @Test
    void v10RebuildsOutboundMessagesOnSqliteKeepingRowsIndexesIdsAndTablesThatReferenceIt() {
        String url = "jdbc:sqlite:" + TestDatabases.file(dir);
        Flyway.configure()
                .dataSource(url, null, null)
                .locations(Migrations.LOCATION)
                .placeholders(Migrations.placeholders(Dialect.SQLITE))
                .target("6")
                .load()
                .migrate();
        try (Database db = Database.open(url)) {
            Sql.exec(
                    db,
                    "INSERT INTO inbound_messages (id, provider, provider_message_id, tenant_id, from_raw, "
                            + "to_number, provider_ts, type, text, state, created_at, updated_at) "
                            + "VALUES (1, 'facebook', 'wamid.1', 't', '5511', '5511', 0, 'text', 'Oi', 'forwarded', 0, 0)");
            Sql.exec(
                    db,
                    "INSERT INTO outbound_messages (id, inbound_id, tenant_id, thread_id, part_index, part_count, "
                            + "provider, via_platform, to_raw, text, state, provider_message_id, created_at, updated_at) "
                            + "VALUES (41, 1, 't', '+5511', 0, 1, 'facebook', false, '5511', 'Olá', 'sent', 'wamid.O', 5, 6)");
            Sql.exec(db, "DELETE FROM outbound_messages WHERE id = 41");
            Sql.exec(
                    db,
                    "INSERT INTO outbound_messages (id, inbound_id, tenant_id, thread_id, part_index, part_count, "
                            + "provider, via_platform, to_raw, text, state, provider_message_id, created_at, updated_at) "
                            + "VALUES (7, 1, 't', '+5511', 0, 1, 'facebook', false, '5511', 'Olá', 'sent', 'wamid.O', 5, 6)");
            // as a later migration of another branch might: a table whose rows go with their part
            Sql.exec(
                    db,
                    "CREATE TABLE part_notes (part_id BIGINT NOT NULL REFERENCES outbound_messages (id) "
                            + "ON DELETE CASCADE, note TEXT)");
            Sql.exec(db, "INSERT INTO part_notes VALUES (7, 'kept')");
            String indexes = "SELECT name || ':' || sql FROM sqlite_master WHERE tbl_name = 'outbound_messages' "
                    + "AND type = 'index' AND sql IS NOT NULL ORDER BY name";
            var indexesBefore = Sql.strings(db, indexes);

            db.migrate();

            assertThat(Sql.strings(db, indexes)).containsAll(indexesBefore);
            assertThat(Sql.string(
                            db,
                            "SELECT text || '/' || state || '/' || provider_message_id || '/' || updated_at "
                                    + "FROM outbound_messages WHERE id = 7"))
                    .isEqualTo("Olá/sent/wamid.O/6");
            assertThat(Sql.string(db, "SELECT note FROM part_notes WHERE part_id = 7"))
                    .isEqualTo("kept");
            assertThat(Sql.number(
                            db,
                            "SELECT \"notnull\" FROM pragma_table_info('outbound_messages') "
                                    + "WHERE name = 'inbound_id'"))
                    .isZero();
            assertThat(Sql.string(db, "SELECT sql FROM sqlite_master WHERE name = 'outbound_messages'"))
                    .contains(
                            "CHECK (state IN",
                            "provider_message_id TEXT    UNIQUE",
                            "REFERENCES inbound_messages (id)");
            Sql.exec(
                    db,
                    "INSERT INTO outbound_messages (inbound_id, tenant_id, thread_id, part_index, part_count, "
                            + "provider, via_platform, to_raw, text, state, created_at, updated_at, reply_to) "
                            + "VALUES (NULL, 't', '+5511', 0, 1, 'facebook', false, '5511', 'Oi', 'pending', 7, 7, 'wamid.1')");
            assertThat(Sql.number(db, "SELECT MAX(id) FROM outbound_messages"))
                    .as("ids are never reused")
                    .isEqualTo(42);
            assertThatThrownBy(
                            () -> Sql.exec(
                                    db,
                                    "INSERT INTO outbound_messages (inbound_id, tenant_id, thread_id, "
                                            + "part_index, part_count, provider, via_platform, to_raw, text, state, created_at, updated_at) "
                                            + "VALUES (999, 't', '+5511', 0, 1, 'facebook', false, '5511', 'Oi', 'pending', 7, 7)"))
                    .as("foreign keys are still enforced")
                    .hasMessageContaining("FOREIGN KEY");
            assertThat(Sql.strings(
                            db, "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank"))
                    .containsSubsequence("9", "10");
        }
    }

    @Test
    void v10MakesInboundIdNullableOnPostgresToo() {
        try (Database postgres = Backend.POSTGRES.migrated(dir)) {
            Sql.exec(
                    postgres,
                    "INSERT INTO outbound_messages (inbound_id, tenant_id, thread_id, part_index, part_count, "
                            + "provider, via_platform, to_raw, text, state, created_at, updated_at, reply_to) "
                            + "VALUES (NULL, 't', '+5511', 0, 1, 'facebook', false, '5511', 'Oi', 'pending', 7, 7, 'wamid.1')");
            assertThat(Sql.number(postgres, "SELECT COUNT(*) FROM outbound_messages WHERE inbound_id IS NULL"))
                    .isOne();
        }
    }

    @Test
    void bothDatabasesRecordTheSameChecksumsAndGenerateKeys() {
        try (Database sqlite = Backend.SQLITE.migrated(dir);
                Database postgres = Backend.POSTGRES.migrated(dir)) {
            String checksums = "SELECT version || ':' || checksum FROM flyway_schema_history WHERE success "
                    + "AND version IS NOT NULL ORDER BY installed_rank";
            assertThat(Sql.strings(postgres, checksums))
                    .isEqualTo(Sql.strings(sqlite, checksums))
                    .startsWith("1:" + Migrations.V1_CHECKSUM);
            assertThat(PostgresServer.url()).startsWith("jdbc:postgresql://127.0.0.1:5432/gw_test_");
            for (Database db : new Database[] {sqlite, postgres}) {
                Sql.exec(
                        db,
                        "INSERT INTO whatsapp_number_pool (phone_number, status, created_at, updated_at) "
                                + "VALUES ('+15550000001', 'available', 0, 0), ('+15550000002', 'available', 0, 0)");
                assertThat(Sql.strings(db, "SELECT CAST(id AS TEXT) FROM whatsapp_number_pool ORDER BY id"))
                        .containsExactly("1", "2");
            }
        }
    }
}
