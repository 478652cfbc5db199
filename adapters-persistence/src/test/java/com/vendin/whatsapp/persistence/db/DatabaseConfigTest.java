package com.vendin.whatsapp.persistence.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DatabaseConfigTest {

    @Test
    void givenOnlyAUrlWhenDefaultsAreTakenThenEightConnectionsFiveSecondBusyTimeoutTenSecondWait() {
        DatabaseConfig config = DatabaseConfig.of(DatabaseConfig.DEFAULT_URL);

        assertThat(config.jdbcUrl()).isEqualTo("jdbc:sqlite:gateway.db");
        assertThat(config.maxPoolSize()).isEqualTo(8);
        assertThat(config.busyTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.connectionTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void givenSqliteUrlsWhenAskedForTheFileThenThePathWithoutOptionsOrNothingForMemory() {
        assertThat(DatabaseConfig.of("jdbc:sqlite:data/gateway.db?journal_mode=WAL")
                        .sqliteFile())
                .contains(Path.of("data/gateway.db"));
        assertThat(DatabaseConfig.of("jdbc:sqlite:file:/var/lib/g.db").sqliteFile())
                .contains(Path.of("/var/lib/g.db"));
        assertThat(DatabaseConfig.of("jdbc:sqlite::memory:").sqliteFile()).isEmpty();
        assertThat(DatabaseConfig.of("jdbc:sqlite::memory:").isInMemory()).isTrue();
        assertThat(DatabaseConfig.of("jdbc:postgresql://db/gateway").sqliteFile())
                .isEmpty();
        assertThat(DatabaseConfig.of("jdbc:postgresql://db/gateway").isSqlite()).isFalse();
    }

    @Test
    void givenUrlWithPasswordWhenPrintedThenThePasswordIsNotShown() {
        DatabaseConfig config = DatabaseConfig.of("jdbc:postgresql://db/gateway?user=g&password=hunter2");

        assertThat(config.toString()).doesNotContain("hunter2").contains("jdbc:postgresql://db/gateway");
    }

    @Test
    void givenPostgresqlUrlWhenDefaultsAreTakenThenSixteenConnectionsAndThePostgresDialect() {
        DatabaseConfig config = DatabaseConfig.of("jdbc:postgresql://127.0.0.1:5432/gateway");

        assertThat(config.maxPoolSize()).isEqualTo(16);
        assertThat(config.dialect()).isEqualTo(Dialect.POSTGRES);
        assertThat(DatabaseConfig.of(DatabaseConfig.DEFAULT_URL).dialect()).isEqualTo(Dialect.SQLITE);
    }

    @Test
    void givenAnotherDatabaseWhenConfiguredThenRejectedNamingTheTwoSupported() {
        assertThatThrownBy(() -> DatabaseConfig.of("jdbc:mysql://db/gateway?password=hunter2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:postgresql://")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void givenNonJdbcUrlWhenConfiguredThenRejected() {
        assertThatThrownBy(() -> DatabaseConfig.of("postgres://db/gateway"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DatabaseConfig("jdbc:sqlite:x.db", 0, Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
