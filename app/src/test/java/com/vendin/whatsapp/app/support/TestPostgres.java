package com.vendin.whatsapp.app.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Fresh databases on the real PostgreSQL at 127.0.0.1:5432 (user postgres, trust), each with a random name and
 * dropped when the test JVM ends.
 */
public final class TestPostgres {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String USER = "?user=postgres";

    private TestPostgres() {}

    /** The JDBC URL of a new, empty database (the gateway migrates it). */
    public static String freshDatabaseUrl() {
        String name = "gw_app_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        admin("CREATE DATABASE " + name);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")));
        return SERVER + name + USER;
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
                    "PostgreSQL on 127.0.0.1:5432 (user postgres) is needed by this test: " + sql, e);
        }
    }
}
