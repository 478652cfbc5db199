package com.vendin.whatsapp.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.app.support.Eventually;
import com.vendin.whatsapp.app.support.GatewayProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README sequence, run by failsafe after {@code package} against the real fat jar from the project's
 * root directory: {@code java -jar app/target/whatsapp-gateway.jar demo} in one process, then the
 * README's {@code simulate} lines (which the demo prints too), literally, in others; the store's reply appears on
 * their output: Moda Brasil's text, product photo and buttons, and Tech Store's late reply through the send API.
 */
class DemoAndSimulateIT {
    private static final String JAR = "java -jar app/target/whatsapp-gateway.jar";
    /** The project's root, where the README's commands are run (failsafe runs in the app module). */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @TempDir
    Path dir;

    @Test
    void givenDemoRunningWhenPrintedSimulateCommandRunThenStoreReplyPrinted() throws Exception {
        int port = GatewayProcess.freePort();
        Path demoLog = dir.resolve("demo.log");
        assertThat(ROOT.resolve("app/target/whatsapp-gateway.jar"))
                .as("the fat jar is built before this test")
                .exists();
        Process demo = run(arguments(JAR + " demo"), Map.of("GATEWAY_PORT", Integer.toString(port)), demoLog);
        try {
            Eventually.within(
                    Duration.ofSeconds(40),
                    "the demo prints what to try next (log: " + demoLog + ")",
                    () -> alive(demo) && read(demoLog).contains("Stop with Ctrl-C"));
            String printed = read(demoLog);
            assertThat(printed)
                    .contains("Moda Brasil", "Tech Store", "Cafe Aroma", "+5511999911111")
                    .containsPattern("admin token demo-[0-9a-f]{16}");
            String base = "http://localhost:" + port;
            String modaLine = readmeSimulateLine("--to +5511999911111", base);
            String techLine = readmeSimulateLine("--to +5511999922222", base);
            assertThat(printed)
                    .as("the demo prints the README's lines")
                    .contains("  " + modaLine + " ", "  " + techLine + " ");

            Path simulateLog = dir.resolve("simulate.log");
            Process simulate = run(arguments(modaLine), Map.of(), simulateLog);
            assertThat(simulate.waitFor(60, TimeUnit.SECONDS))
                    .as("simulate finishes")
                    .isTrue();

            String output = read(simulateLog);
            assertThat(simulate.exitValue()).as(output).isZero();
            assertThat(output)
                    .contains("HTTP 200")
                    .contains("reply to +5511988887777: Moda Brasil aqui! Recebemos \"Olá\".")
                    .containsPattern(
                            "(?m)^reply to \\+5511988887777: \\[image\\] Camiseta azul - R\\$ 49,90 \\(http://127\\.0\\.0\\.1:"
                                    + port + "/demo/products/camiseta-azul\\.png\\)$")
                    .containsPattern("(?m)^reply to \\+5511988887777: \\[buttons\\] .*: Comprar \\| Ver cores$")
                    .doesNotContain("send API");
            assertThat(output.indexOf("Moda Brasil aqui!")).as(output).isLessThan(output.indexOf("[image]"));
            assertThat(output.indexOf("[image]")).as(output).isLessThan(output.indexOf("[buttons]"));

            Path techLog = dir.resolve("simulate-tech.log");
            Process tech = run(arguments(techLine), Map.of(), techLog);
            assertThat(tech.waitFor(60, TimeUnit.SECONDS))
                    .as("simulate to Tech Store finishes")
                    .isTrue();
            String techOutput = read(techLog);
            assertThat(tech.exitValue()).as(techOutput).isZero();
            Matcher sent = Pattern.compile(
                            "sent (wamid\\.SIM[0-9a-f]+) from \\+5511955554444 to \\+5511999922222: HTTP 200")
                    .matcher(techOutput);
            assertThat(sent.find()).as(techOutput).isTrue();
            assertThat(techOutput)
                    .containsPattern("(?m)^reply to \\+5511955554444: Tech Store: recebemos "
                            + "\"Tem fone bluetooth\\?\".*   \\(sent later through the send API, replyTo "
                            + Pattern.quote(sent.group(1)) + "\\)$");

            Matcher twilioLine = Pattern.compile(
                            "(?m)^  (" + Pattern.quote(JAR) + " simulate --provider twilio .*?\"[^\"]*\")")
                    .matcher(printed);
            assertThat(twilioLine.find()).as(printed).isTrue();
            Path twilioLog = dir.resolve("simulate-twilio.log");
            Process viaTwilio = run(arguments(twilioLine.group(1)), Map.of(), twilioLog);
            assertThat(viaTwilio.waitFor(60, TimeUnit.SECONDS))
                    .as("simulate --provider twilio finishes")
                    .isTrue();
            String twilioOutput = read(twilioLog);
            assertThat(viaTwilio.exitValue()).as(twilioOutput).isZero();
            assertThat(twilioOutput).contains("HTTP 200").containsPattern("reply to \\+5511966665555: Cafe Aroma");
        } finally {
            demo.destroy();
            demo.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * The README's "Try it in a minute" simulate line with {@code to}, as the demo prints it on {@code base}: what a
     * reader copies, run literally.
     */
    private static String readmeSimulateLine(String to, String base) throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        String section = readme.substring(readme.indexOf("## Try it in a minute"));
        Matcher line = Pattern.compile("(?m)^(" + Pattern.quote(JAR) + " simulate .*" + Pattern.quote(to) + " .*)$")
                .matcher(section);
        assertThat(line.find()).as("README has a simulate line " + to).isTrue();
        return line.group(1).strip().replace("http://localhost:8080", base);
    }

    /** Runs a printed command line as a shell would, from the project's root; {@code java} is this JVM's. */
    private Process run(List<String> words, Map<String, String> env, Path log) throws IOException {
        List<String> command = new ArrayList<>(words);
        assertThat(command.get(0)).isEqualTo("java");
        command.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(1, "-Dfile.encoding=UTF-8");
        command.add(2, "-Dstdout.encoding=UTF-8");
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
        builder.environment().clear();
        builder.environment().put("LANG", "C.UTF-8");
        builder.environment().putAll(env);
        return builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** The words of a printed shell line: spaces separate, double quotes group. */
    static List<String> arguments(String line) {
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(line);
        while (m.find()) {
            words.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return words;
    }

    private static boolean alive(Process process) {
        if (!process.isAlive()) {
            throw new AssertionError("the demo exited with " + process.exitValue());
        }
        return true;
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
