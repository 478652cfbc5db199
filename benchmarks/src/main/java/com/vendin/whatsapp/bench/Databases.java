package com.vendin.whatsapp.bench;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * A fresh, empty database for each gateway run: a new SQLite file in the work directory by default, or,
 * given a {@code jdbc:postgresql://host:port/db} URL, a new database {@code gateway_bench_<random>} on that
 * server (created through the given one, dropped afterwards).
 */
final class Databases {
    private Databases() {}

    /** A database that exists until closed. */
    interface Fresh extends AutoCloseable {
        String url();

        String describe();

        @Override
        void close();
    }

    static Fresh fresh(Optional<String> given, Path workDir, String name) {
        if (given.isEmpty() || given.get().startsWith("jdbc:sqlite:")) {
            String url = "jdbc:sqlite:" + workDir.resolve("gateway-" + name + ".db");
            return new Fresh() {
                public String url() {
                    return url;
                }

                public String describe() {
                    return "SQLite " + url.substring("jdbc:sqlite:".length());
                }

                public void close() {}
            };
        }
        if (!given.get().startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("--database-url must be jdbc:sqlite:... or jdbc:postgresql://...");
        }
        return postgres(given.get());
    }

    private static Fresh postgres(String adminUrl) {
        String database = "gateway_bench_" + Long.toUnsignedString(new SecureRandom().nextLong(), 36);
        int slash = adminUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = adminUrl.indexOf('?');
        String base = slash < 0 ? (query < 0 ? adminUrl : adminUrl.substring(0, query)) : adminUrl.substring(0, slash);
        String params = query < 0 ? "" : adminUrl.substring(query);
        String url = base + "/" + database + params;
        execute(adminUrl, "CREATE DATABASE " + database);
        return new Fresh() {
            public String url() {
                return url;
            }

            public String describe() {
                return "PostgreSQL database " + database;
            }

            public void close() {
                execute(adminUrl, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        };
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL: " + sql + " failed (is the driver on the class path and the "
                            + "server reachable with this URL?): " + e.getMessage(),
                    e);
        }
    }
}
