package com.vendin.whatsapp.bench.jmh;

import com.vendin.whatsapp.bench.BenchNumbers;
import com.vendin.whatsapp.bench.TenantSeeder;
import com.vendin.whatsapp.domain.PlatformAccount;
import com.vendin.whatsapp.persistence.crypto.CredentialCipher;
import com.vendin.whatsapp.persistence.db.Database;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.inbound.Destination;
import com.vendin.whatsapp.ports.inbound.InboundMessage;
import com.vendin.whatsapp.ports.inbound.MessageContent;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** An SQLite file in a temporary directory, migrated, with {@code tenants} benchmark tenants stored. */
final class SeededDatabase implements AutoCloseable {
    final Path dir;
    final Database db;
    final CredentialCipher cipher;
    final int tenants;

    SeededDatabase(int tenants) {
        try {
            this.dir = Files.createTempDirectory("gateway-jmh");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String base64 = Base64.getEncoder().encodeToString(key);
        String url = "jdbc:sqlite:" + dir.resolve("gateway.db");
        TenantSeeder.intoDatabase(url, base64, tenants, "http://127.0.0.1:9");
        this.db = Database.open(url);
        this.cipher = CredentialCipher.fromBase64(base64);
        this.tenants = tenants;
    }

    static PlatformAccount platform() {
        return new PlatformAccount(
                Provider.FACEBOOK,
                Optional.of("900000000000001"),
                Optional.of(new PhoneNumber("+15550001111")),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** A text from customer {@code sender} to the store of tenant {@code tenant}, as the Meta parser makes it. */
    static InboundMessage message(String id, long sender, int tenant) {
        return new InboundMessage(
                Provider.FACEBOOK,
                id,
                BenchNumbers.senderDigits(sender),
                new Destination(
                        Optional.of(BenchNumbers.phoneId(tenant)),
                        BenchNumbers.storeNumber(tenant).substring(1)),
                Instant.now(),
                MessageContent.text("Olá, tem a camiseta azul?"),
                Optional.of("Ana"));
    }

    @Override
    public void close() {
        db.close();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
