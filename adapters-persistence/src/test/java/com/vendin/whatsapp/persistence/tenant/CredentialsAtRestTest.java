package com.vendin.whatsapp.persistence.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.persistence.testing.TestDatabases;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.NumberStatus;
import com.vendin.whatsapp.ports.tenant.Tenant;
import com.vendin.whatsapp.ports.tenant.TenantId;
import com.vendin.whatsapp.ports.tenant.WhatsAppNumber;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsAtRestTest {
    private static final String INSTANCE_SECRET = "instance-secret-8f3a9c1d77e04b2a";
    private static final String ACCESS_TOKEN = "EAAGm0PX4ZCpsBAKZCtoken5c2f9e81d3a";
    private static final String TWILIO_TOKEN = "twilio-auth-token-0b7e2d4c9a1f";
    private static final String ACCOUNT_SID = "AC9d8c7b6a5f4e3d2c1b0a";

    @TempDir
    Path dir;

    @Test
    void givenStoredTenantWhenDatabaseAndWalFilesAreReadAsBytesThenNoCredentialAppearsButPlainFieldsDo()
            throws IOException {
        try (Database db = TestDatabases.migrated(dir)) {
            JdbiTenantRepository tenants = new JdbiTenantRepository(db, TestDatabases.cipher(), TestDatabases.CLOCK);
            WhatsAppNumber number = new WhatsAppNumber(
                    new PhoneNumber("+14155550100"),
                    Optional.of("phone-id-1"),
                    Provider.TWILIO,
                    Optional.of(new Secret(ACCESS_TOKEN)),
                    Optional.of(ACCOUNT_SID),
                    Optional.of(new Secret(TWILIO_TOKEN)),
                    NumberStatus.ACTIVE,
                    Optional.empty());
            tenants.insert(new Tenant(
                    new TenantId("moda"),
                    "moda",
                    URI.create("https://moda.example.com"),
                    new Secret(INSTANCE_SECRET),
                    Optional.of(number),
                    TestDatabases.T0,
                    TestDatabases.T0));
            assertThat(tenants.findById(new TenantId("moda"))).isPresent();

            byte[] files = databaseFiles();

            assertThat(contains(files, ACCOUNT_SID))
                    .as("a plain field is found, so the search works")
                    .isTrue();
            assertThat(contains(files, INSTANCE_SECRET)).isFalse();
            assertThat(contains(files, ACCESS_TOKEN)).isFalse();
            assertThat(contains(files, TWILIO_TOKEN)).isFalse();
        }
    }

    private byte[] databaseFiles() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        Path db = TestDatabases.file(dir);
        for (Path file : new Path[] {db, Path.of(db + "-wal"), Path.of(db + "-shm")}) {
            if (Files.exists(file)) {
                all.write(Files.readAllBytes(file));
            }
        }
        assertThat(all.size()).isPositive();
        return all.toByteArray();
    }

    private static boolean contains(byte[] haystack, String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
