package com.vendin.whatsapp.persistence.testing;

import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.db.DatabaseConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The real PostgreSQL on 127.0.0.1:5432 (user postgres, trust): one fresh database per test run, with a random
 * name, migrated once, emptied before each test (cheaper than migrating again) and dropped when the JVM ends.
 */
public final class PostgresServer {
    public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String USER = "?user=postgres";
    private static String database;

    private PostgresServer() {}

    /** The URL of this run's database, created and migrated on first use. */
    public static synchronized String url() {
        if (database == null) {
            String name = "gw_test_"
                    + UUID.randomUUID()
                            .toString()
                            .replace("-", "")
                            .substring(0, 16)
                            .toLowerCase(Locale.ROOT);
            admin("CREATE DATABASE " + name);
            database = name;
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(() -> admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")));
            try (Database db = Database.open(config())) {
                db.migrate();
            }
        }
        return SERVER + database + USER;
    }

    /** A small pool on this run's database, every table emptied and every id sequence restarted. */
    public static Database emptied() {
        String url = url();
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                    + "AND tablename <> 'flyway_schema_history'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            statement.execute("TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the test database", e);
        }
        return Database.open(config());
    }

    /** Another pool on this run's database as it is (a second gateway process, as far as the database can tell). */
    public static Database open() {
        url();
        return Database.open(config());
    }

    private static DatabaseConfig config() {
        return DatabaseConfig.of(SERVER + database + USER).withMaxPoolSize(4);
    }

    private static void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres" + USER);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            if (!"true".equals(System.getenv("CI"))
                    && e.getSQLState() != null
                    && e.getSQLState().startsWith("08")) {
                Assumptions.abort("PostgreSQL does not answer on 127.0.0.1:5432: test skipped (it fails when CI=true)");
            }
            throw new IllegalStateException(
                    "PostgreSQL on 127.0.0.1:5432 (user postgres) is needed by the tests: " + sql, e);
        }
    }
}
