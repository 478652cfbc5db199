package com.vendin.whatsapp.app.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.tenant.SignatureVerifier;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java examples of docs/TENANTS.md compile as written against the {@code tenant-client} module and nothing
 * else (the JDK and its HTTP server): a tenant author who copies them gets code that builds.
 */
class TenantGuideJavaExamplesTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("(?ms)^```java\n(.*?)^```");

    @TempDir
    Path dir;

    @Test
    void everyJavaExampleOfTheTenantGuideCompilesAgainstTheTenantClientAlone() throws Exception {
        String guide = RepositoryFiles.read(RepositoryFiles.root().resolve("docs/TENANTS.md"));
        List<String> examples = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(guide);
        while (block.find()) {
            examples.add(block.group(1));
        }
        assertThat(examples).as("Java examples in docs/TENANTS.md").hasSizeGreaterThanOrEqualTo(2);

        List<Path> sources = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            Path source = dir.resolve("src/Example" + i + ".java");
            Files.createDirectories(source.getParent());
            Files.writeString(source, wrapped("Example" + i, examples.get(i)), StandardCharsets.UTF_8);
            sources.add(source);
        }
        String tenantClient = new File(SignatureVerifier.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .getPath();

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean compiled;
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            compiled = javac.getTask(
                            null,
                            files,
                            diagnostics,
                            List.of(
                                    "--release",
                                    "17",
                                    "-classpath",
                                    tenantClient,
                                    "-d",
                                    dir.resolve("classes").toString()),
                            null,
                            files.getJavaFileObjectsFromPaths(sources))
                    .call();
        }
        List<String> errors = diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                .toList();
        assertThat(errors).as("compile errors in the guide's Java examples").isEmpty();
        assertThat(compiled).isTrue();
    }

    /**
     * A guide example is a fragment: it goes into a method given what the guide says it has at hand (the request's
     * {@code exchange} and raw body, the tenant's {@code secret}), with the tenant-client imported.
     */
    private static String wrapped(String className, String example) {
        return "import com.vendin.whatsapp.tenant.*;\n"
                + "import java.net.URI;\n"
                + "class " + className + " {\n"
                + "    void run(com.sun.net.httpserver.HttpExchange exchange, byte[] rawBody, String secret)"
                + " throws Exception {\n"
                + example
                + "    }\n"
                + "}\n";
    }
}
