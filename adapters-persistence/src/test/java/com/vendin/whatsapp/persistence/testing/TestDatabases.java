package com.vendin.whatsapp.persistence.testing;

import com.vendin.whatsapp.persistence.crypto.CredentialCipher;
import com.vendin.whatsapp.persistence.db.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

/** Real SQLite files for tests, migrated and ready. */
public final class TestDatabases {
    public static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");
    public static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    private TestDatabases() {}

    public static Path file(Path dir) {
        return dir.resolve("gateway.db");
    }

    public static Database migrated(Path dir) {
        Database db = Database.open("jdbc:sqlite:" + file(dir));
        db.migrate();
        return db;
    }

    public static CredentialCipher cipher() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        return new CredentialCipher(key);
    }
}
