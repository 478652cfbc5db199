package com.vendin.whatsapp.app.support;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * A fresh, empty database on the machine's PostgreSQL (127.0.0.1:5432, user postgres, trust), created with
 * a random name for one test class and dropped (even with connections still open) when closed.
 */
public final class PostgresDatabase implements AutoCloseable {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String ADMIN_URL = SERVER + "postgres?user=postgres";

    private final String name;

    private PostgresDatabase(String name) {
        this.name = name;
    }

    public static PostgresDatabase create() {
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        String name = "gateway_test_" + HexFormat.of().formatHex(random);
        execute("CREATE DATABASE " + name);
        return new PostgresDatabase(name);
    }

    /** The JDBC URL the gateway is given in {@code GATEWAY_DATABASE_URL}. */
    public String url() {
        return SERVER + name + "?user=postgres";
    }

    @Override
    public void close() {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(ADMIN_URL); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError("PostgreSQL on 127.0.0.1:5432 (user postgres) is required: " + e.getMessage(), e);
        }
    }
}
