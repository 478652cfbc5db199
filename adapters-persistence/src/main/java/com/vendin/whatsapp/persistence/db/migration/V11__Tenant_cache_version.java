package com.vendin.whatsapp.persistence.db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * V11, the version of the routing data: {@code cache_versions} holds one counter, {@code tenants}, that triggers
 * raise in the same transaction as every insert, update or delete of {@code tenants} or {@code tenant_admins},
 * whoever writes them (any gateway process, the benchmark's seeder, an operator's SQL). A process that keeps
 * tenants, numbers, admin phones and decrypted credentials in memory reads this one row now and then and
 * forgets what it holds when the counter moved ({@code TenantCache}).
 *
 * <p>A Java migration because the two databases write triggers differently (SQLite: a body of statements;
 * PostgreSQL: a trigger function, here one statement-level trigger per table).
 */
public final class V11__Tenant_cache_version extends BaseJavaMigration {
    /** Stable, so both databases record the same checksum (Java migrations have none of their own). */
    static final int CHECKSUM = 1_000_011;

    private static final List<String> TABLES = List.of("tenants", "tenant_admins");
    /** An upsert, so that a database emptied with TRUNCATE (as the tests do) still counts. */
    private static final String BUMP = "INSERT INTO cache_versions (name, version) VALUES ('tenants', 1) "
            + "ON CONFLICT (name) DO UPDATE SET version = cache_versions.version + 1";

    @Override
    public Integer getChecksum() {
        return CHECKSUM;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        boolean sqlite = SqliteTableRebuild.isSqlite(connection);
        SqliteTableRebuild.execute(
                connection,
                List.of(
                        "CREATE TABLE cache_versions (name TEXT PRIMARY KEY, version BIGINT NOT NULL)",
                        "INSERT INTO cache_versions (name, version) VALUES ('tenants', 0)"));
        if (sqlite) {
            for (String table : TABLES) {
                for (String event : List.of("INSERT", "UPDATE", "DELETE")) {
                    SqliteTableRebuild.execute(
                            connection,
                            List.of("CREATE TRIGGER " + table + "_version_" + event.toLowerCase(Locale.ROOT) + " AFTER "
                                    + event + " ON " + table + " BEGIN " + BUMP + "; END"));
                }
            }
            return;
        }
        SqliteTableRebuild.execute(
                connection,
                List.of("CREATE FUNCTION bump_tenants_version() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN " + BUMP
                        + "; RETURN NULL; END $$"));
        for (String table : TABLES) {
            SqliteTableRebuild.execute(
                    connection,
                    List.of("CREATE TRIGGER " + table + "_version AFTER INSERT OR UPDATE OR DELETE ON " + table
                            + " FOR EACH STATEMENT EXECUTE FUNCTION bump_tenants_version()"));
        }
    }
}
