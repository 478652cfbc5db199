package com.vendin.whatsapp.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the raw bytes of a test gateway's SQLite file and its {@code -wal} and {@code -shm} companions. */
public final class DatabaseFiles {
    private DatabaseFiles() {}

    /** Whether {@code text} (UTF-8, as SQLite stores it) appears anywhere in {@code dir/gateway.db*}. */
    public static boolean contain(Path dir, String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        for (String name : List.of("gateway.db", "gateway.db-wal", "gateway.db-shm")) {
            Path file = dir.resolve(name);
            if (Files.exists(file) && indexOf(read(file), needle) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
