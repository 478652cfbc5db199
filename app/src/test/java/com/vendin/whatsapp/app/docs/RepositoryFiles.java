package com.vendin.whatsapp.app.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The repository's own files, found from the working directory of the tests (a module, or the root). */
final class RepositoryFiles {
    private RepositoryFiles() {}

    /** The repository root: the nearest folder upwards with the Maven wrapper and an {@code app} module. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("app"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(
                "no repository root above " + Path.of("").toAbsolutePath());
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under {@code dir} whose name ends with one of {@code suffixes}, build output and Git left out. */
    static List<Path> files(Path dir, String... suffixes) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> dir.relativize(p)
                            .toString()
                            .replace('\\', '/')
                            .matches("(?!.*(^|/)(target|\\.git|node_modules)/).*"))
                    .filter(p -> Stream.of(suffixes)
                            .anyMatch(s -> p.getFileName().toString().endsWith(s)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
