package com.vendin.whatsapp.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.app.support.Eventually;
import com.vendin.whatsapp.app.support.GatewayProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command, after {@code package}, from the project's root: the java part of the line is
 * run as written, with {@code -Xshare:on} added so that a class-data-sharing archive that does not match
 * the jar fails the start instead of being silently ignored; the gateway must answer {@code /health}.
 */
class RunCommandIT {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final String PACKAGE = "./mvnw -q -DskipTests package && ";

    @TempDir
    Path dir;

    @Test
    void givenPackagedJarWhenReadmeRunCommandIsRunThenItStartsWithTheArchiveAndAnswersHealth() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(PACKAGE) + "(java .*whatsapp-gateway\\.jar)$")
                .matcher(readme);
        assertThat(line.find()).as("the README's run command").isTrue();
        List<String> command = new ArrayList<>(DemoAndSimulateIT.arguments(line.group(1)));
        assertThat(command).contains("-XX:SharedArchiveFile=app/target/whatsapp-gateway.jsa");
        assertThat(ROOT.resolve("app/target/whatsapp-gateway.jsa"))
                .as("package records the archive")
                .exists();
        command.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(1, "-Xshare:on");

        int port = GatewayProcess.freePort();
        Path log = dir.resolve("gateway.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
        builder.environment().put("GATEWAY_PORT", Integer.toString(port));
        builder.environment().put("GATEWAY_DATABASE_URL", "jdbc:sqlite:" + dir.resolve("gateway.db"));
        Process gateway =
                builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            Eventually.within(Duration.ofSeconds(30), "/health answers 200 (log: " + log + ")", () -> {
                if (!gateway.isAlive()) {
                    throw new AssertionError("the gateway exited with " + gateway.exitValue() + ": " + read(log));
                }
                return health(client, port) == 200;
            });
        } finally {
            gateway.destroy();
            gateway.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int health(HttpClient client, int port) {
        try {
            return client.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
