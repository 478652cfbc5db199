package com.vendin.whatsapp.app.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The credential key when {@code GATEWAY_SECRET_KEY} is unset and the database is an SQLite file:
 * generated once and kept in {@code <database file>.key} (mode 600) beside it.
 */
public final class SecretKeyFile {
    private static final Logger LOG = LoggerFactory.getLogger(SecretKeyFile.class);

    private SecretKeyFile() {}

    /** The configured key, or the one kept beside the SQLite file (made on first use). */
    public static byte[] resolve(GatewayConfig config) {
        if (config.secretKey().isPresent()) {
            return config.secretKey().get();
        }
        Optional<Path> dbFile = sqliteFile(config.databaseUrl());
        if (dbFile.isEmpty()) {
            LOG.warn("GATEWAY_SECRET_KEY is unset and the database is in memory: using a throw-away key");
            return randomKey();
        }
        return loadOrCreate(Path.of(dbFile.get() + ".key"));
    }

    static Optional<Path> sqliteFile(String jdbcUrl) {
        String rest = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        if (rest.isEmpty() || rest.startsWith(":memory:") || rest.contains("mode=memory")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(rest).toAbsolutePath());
    }

    static byte[] loadOrCreate(Path keyFile) {
        try {
            if (Files.exists(keyFile)) {
                return decode(keyFile);
            }
            byte[] key = randomKey();
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            try {
                createOwnerOnly(keyFile);
            } catch (FileAlreadyExistsException raced) {
                return decode(keyFile);
            }
            Files.write(keyFile, Base64.getEncoder().encode(key), StandardOpenOption.TRUNCATE_EXISTING);
            LOG.warn(
                    "GATEWAY_SECRET_KEY is unset: generated a credential key in {}; keep it with the database "
                            + "(without it stored tokens cannot be read) and set GATEWAY_SECRET_KEY in production",
                    keyFile);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the key file " + keyFile, e);
        }
    }

    private static byte[] decode(Path keyFile) throws IOException {
        byte[] key = Base64.getDecoder()
                .decode(Files.readString(keyFile, StandardCharsets.US_ASCII).trim());
        if (key.length != 32) {
            throw new IllegalStateException("the key file " + keyFile + " does not hold 32 bytes");
        }
        return key;
    }

    /** Creates the empty file readable by its owner only, before any key byte is written to it. */
    private static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
