package com.vendin.whatsapp.persistence.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.persistence.testing.TestDatabases;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalCheckpointerTest {
    @TempDir
    Path dir;

    @Test
    void givenCommittedWritesInTheLogWhenACheckpointRunsThenTheyAreCopiedIntoTheDatabaseFile() throws Exception {
        try (HikariDataSource dataSource =
                        DataSources.pooled(DatabaseConfig.of("jdbc:sqlite:" + TestDatabases.file(dir)));
                WalCheckpointer checkpointer = new WalCheckpointer(dataSource)) {
            Jdbi jdbi = Jdbi.create(dataSource);
            jdbi.useHandle(h -> h.execute("CREATE TABLE probe (n TEXT)"));
            long before = Files.size(TestDatabases.file(dir));
            jdbi.useHandle(h -> {
                for (int i = 0; i < 200; i++) {
                    h.execute("INSERT INTO probe VALUES (?)", "x".repeat(500) + i);
                }
            });

            assertThat(checkpointer.checkpoint()).isGreaterThanOrEqualTo(0);

            assertThat(Files.size(TestDatabases.file(dir))).isGreaterThan(before + 50_000);
        }
    }
}
