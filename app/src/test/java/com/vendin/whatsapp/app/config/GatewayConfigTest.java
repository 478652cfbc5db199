package com.vendin.whatsapp.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayConfigTest {

    @Test
    void anEmptyEnvironmentGivesTheContractDefaults() {
        GatewayConfig config = GatewayConfig.fromEnvironment(Map.of());

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.databaseUrl()).isEqualTo("jdbc:sqlite:gateway.db");
        assertThat(config.redisUrl()).isEmpty();
        assertThat(config.publicUrlFor(8080)).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(config.adminToken()).isEmpty();
        assertThat(config.secretKey()).isEmpty();
        assertThat(config.rateLimitPerMinute()).isEqualTo(20);
        assertThat(config.deliveryMaxAttempts()).isEqualTo(8);
        assertThat(config.typingIndicator()).isTrue();
        assertThat(config.platformProvider()).isEqualTo(Provider.FACEBOOK);
        assertThat(config.meta().graphUrl()).isEqualTo(URI.create("https://graph.facebook.com/v25.0"));
        assertThat(config.twilio().apiUrl()).isEqualTo(URI.create("https://api.twilio.com"));
        assertThat(config.otp().metaTemplateLanguage()).isEqualTo("en_US");
        assertThat(config.isSqlite()).isTrue();
    }

    @Test
    void everyVariableIsRead() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        GatewayConfig config = GatewayConfig.fromEnvironment(Map.ofEntries(
                Map.entry("GATEWAY_PORT", "9090"),
                Map.entry("GATEWAY_DATABASE_URL", "jdbc:postgresql://db/gw"),
                Map.entry("REDIS_URL", "redis://127.0.0.1:6379/2"),
                Map.entry("GATEWAY_PUBLIC_URL", "https://gw.example.com"),
                Map.entry("GATEWAY_ADMIN_TOKEN", "admin"),
                Map.entry("GATEWAY_SECRET_KEY", key),
                Map.entry("GATEWAY_RATE_LIMIT_PER_MINUTE", "5"),
                Map.entry("GATEWAY_DELIVERY_MAX_ATTEMPTS", "3"),
                Map.entry("WHATSAPP_PROVIDER", "twilio"),
                Map.entry("FACEBOOK_APP_SECRET", "s"),
                Map.entry("VENDIN_WHATSAPP_NUMBER", "+15550001111"),
                Map.entry("TWILIO_WHATSAPP_FROM", "whatsapp:+14155238886"),
                Map.entry("TWILIO_ACCOUNT_SID", "AC1"),
                Map.entry("TWILIO_AUTH_TOKEN", "t"),
                Map.entry("WHATSAPP_OTP_TEMPLATE", "vendin_code")));

        assertThat(config.port()).isEqualTo(9090);
        assertThat(config.isSqlite()).isFalse();
        assertThat(config.redisUrl()).contains(URI.create("redis://127.0.0.1:6379/2"));
        assertThat(config.publicUrlFor(9090)).isEqualTo(URI.create("https://gw.example.com"));
        assertThat(config.secretKey()).hasValueSatisfying(k -> assertThat(k).hasSize(32));
        assertThat(config.rateLimitPerMinute()).isEqualTo(5);
        assertThat(config.deliveryMaxAttempts()).isEqualTo(3);
        assertThat(config.platformProvider()).isEqualTo(Provider.TWILIO);
        assertThat(config.meta().platformNumber()).contains(new PhoneNumber("+15550001111"));
        assertThat(config.twilio().whatsappFrom()).contains(new PhoneNumber("+14155238886"));
        assertThat(config.otp().metaTemplate()).contains("vendin_code");
    }

    @Test
    void workerCountsAreDerivedUnlessSetAndOutOfRangeCountsStopStartUp() {
        GatewayConfig set = GatewayConfig.fromEnvironment(Map.of(
                "GATEWAY_DELIVERY_WORKERS", "64", "GATEWAY_SEND_WORKERS", "1", "GATEWAY_STATUS_WORKERS", "1024"));

        assertThat(GatewayConfig.fromEnvironment(Map.of()).workers()).isEqualTo(GatewayConfig.Workers.derived());
        assertThat(set.workers())
                .isEqualTo(new GatewayConfig.Workers(
                        java.util.Optional.of(64), java.util.Optional.of(1), java.util.Optional.of(1024)));
        assertThatThrownBy(() -> GatewayConfig.fromEnvironment(Map.of("GATEWAY_DELIVERY_WORKERS", "1")))
                .as("one delivery worker leaves none for prompt tenants")
                .hasMessageContaining("GATEWAY_DELIVERY_WORKERS must be a whole number from 2 to 1024");
        assertThatThrownBy(() -> GatewayConfig.fromEnvironment(Map.of("GATEWAY_SEND_WORKERS", "0")))
                .hasMessageContaining("GATEWAY_SEND_WORKERS must be a whole number from 1 to 1024");
        assertThatThrownBy(() -> GatewayConfig.fromEnvironment(Map.of("GATEWAY_STATUS_WORKERS", "many")))
                .hasMessageContaining("GATEWAY_STATUS_WORKERS must be a whole number from 1 to 1024");
    }

    @Test
    void theTypingIndicatorIsTurnedOffWithFalseAndAnythingElseButTrueIsRefused() {
        assertThat(GatewayConfig.fromEnvironment(Map.of("GATEWAY_TYPING_INDICATOR", "false"))
                        .typingIndicator())
                .isFalse();
        assertThat(GatewayConfig.fromEnvironment(Map.of("GATEWAY_TYPING_INDICATOR", "TRUE"))
                        .typingIndicator())
                .isTrue();
        assertThatThrownBy(() -> GatewayConfig.fromEnvironment(Map.of("GATEWAY_TYPING_INDICATOR", "off")))
                .hasMessageContaining("GATEWAY_TYPING_INDICATOR must be true or false");
    }

    @Test
    void anUnknownGatewayVariableStopsStartUpAndListsTheKnownOnes() {
        assertThatThrownBy(() -> GatewayConfig.fromEnvironment(Map.of("GATEWAY_PROT", "8080", "HOME", "/root")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("GATEWAY_PROT")
                .hasMessageContaining("GATEWAY_PORT")
                .hasMessageContaining("GATEWAY_DELIVERY_MAX_ATTEMPTS");
    }

    @Test
    void malformedValuesAreAllReportedByName() {
        assertThatThrownBy(() -> GatewayConfig.fromEnvironment(Map.of(
                        "GATEWAY_PORT",
                        "eighty",
                        "VENDIN_WHATSAPP_NUMBER",
                        "11 99991-1111",
                        "WHATSAPP_PROVIDER",
                        "telegram",
                        "GATEWAY_SECRET_KEY",
                        "c2hvcnQ=",
                        "FACEBOOK_GRAPH_URL",
                        "graph.facebook.com")))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .hasSize(5)
                                .anySatisfy(p -> assertThat(p).startsWith("GATEWAY_PORT"))
                                .anySatisfy(p -> assertThat(p).startsWith("VENDIN_WHATSAPP_NUMBER"))
                                .anySatisfy(p -> assertThat(p).startsWith("WHATSAPP_PROVIDER"))
                                .anySatisfy(p -> assertThat(p).startsWith("GATEWAY_SECRET_KEY"))
                                .anySatisfy(p -> assertThat(p).startsWith("FACEBOOK_GRAPH_URL")));
    }

    @Test
    void secretsNeverAppearInTheMessageOrInToString() {
        String leaked = "super-secret-token-value";
        GatewayConfig config = GatewayConfig.fromEnvironment(Map.of(
                "GATEWAY_ADMIN_TOKEN", leaked, "FACEBOOK_APP_SECRET", leaked, "VENDIN_WHATSAPP_ACCESS_TOKEN", leaked));
        assertThat(config.toString()).doesNotContain(leaked);
        assertThat(config.meta().toString()).doesNotContain(leaked);
        assertThatThrownBy(() -> GatewayConfig.fromEnvironment(Map.of("GATEWAY_SECRET_KEY", leaked)))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(leaked));
    }

    @Test
    void aDatabaseOtherThanSqliteOrPostgresqlIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> GatewayConfig.fromEnvironment(Map.of(
                        "GATEWAY_DATABASE_URL",
                        "jdbc:mysql://db/gw",
                        "GATEWAY_SECRET_KEY",
                        java.util.Base64.getEncoder().encodeToString(new byte[32]))))
                .hasMessageContaining("GATEWAY_DATABASE_URL must be a JDBC URL of SQLite or PostgreSQL");
    }

    @Test
    void aDatabaseOtherThanSqliteNeedsAnExplicitKey() {
        assertThatThrownBy(
                        () -> GatewayConfig.fromEnvironment(Map.of("GATEWAY_DATABASE_URL", "jdbc:postgresql://db/gw")))
                .hasMessageContaining("GATEWAY_SECRET_KEY is required");
    }

    @Test
    void withoutAKeyOneIsGeneratedOnceBesideTheSqliteFile(@TempDir Path dir) throws Exception {
        GatewayConfig config =
                GatewayConfig.fromEnvironment(Map.of("GATEWAY_DATABASE_URL", "jdbc:sqlite:" + dir.resolve("gw.db")));

        byte[] first = SecretKeyFile.resolve(config);
        byte[] second = SecretKeyFile.resolve(config);

        assertThat(first).hasSize(32).isEqualTo(second);
        Path keyFile = dir.resolve("gw.db.key");
        assertThat(keyFile).exists();
        assertThat(Files.getPosixFilePermissions(keyFile))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
}
