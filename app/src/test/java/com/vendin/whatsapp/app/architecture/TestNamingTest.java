package com.vendin.whatsapp.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The one test-naming convention of the repository (README, "Conventions"): a test method is a camelCase
 * sentence saying what happens ({@code duplicateWebhookIsRecordedOnce}), never snake_case or
 * {@code given_when_then} with underscores. Scans the test sources of every module.
 */
class TestNamingTest {
    private static final Pattern TEST_ANNOTATION =
            Pattern.compile("@(Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate)\\b");
    private static final Pattern DECLARATION = Pattern.compile("\\bvoid\\s+([A-Za-z0-9_$]+)\\s*\\(");
    private static final Pattern CAMEL_CASE = Pattern.compile("[a-z][A-Za-z0-9]*");

    @Test
    void everyTestMethodInEveryModuleIsACamelCaseSentence() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<String> offenders = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(TestNamingTest::isTestSource).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (!TEST_ANNOTATION.matcher(lines.get(i)).find()) {
                        continue;
                    }
                    for (int j = i; j < Math.min(i + 6, lines.size()); j++) {
                        Matcher m = DECLARATION.matcher(lines.get(j));
                        if (m.find()) {
                            checked++;
                            if (!CAMEL_CASE.matcher(m.group(1)).matches()) {
                                offenders.add(root.relativize(file) + ":" + (j + 1) + " " + m.group(1));
                            }
                            break;
                        }
                    }
                }
            }
        }
        assertThat(checked).as("test methods found under %s", root).isGreaterThan(100);
        assertThat(offenders)
                .as("test methods not named as camelCase sentences")
                .isEmpty();
    }

    private static boolean isTestSource(Path p) {
        String s = p.toString().replace('\\', '/');
        return s.endsWith(".java") && s.contains("/src/test/java/") && !s.contains("/target/");
    }
}
