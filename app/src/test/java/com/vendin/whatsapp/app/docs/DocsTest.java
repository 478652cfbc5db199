package com.vendin.whatsapp.app.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The repository stands on its own: the contract is in {@code docs/}, every link of the README and the docs
 * leads to a file inside the repository, every "CONTRACT §n" cited in the code names a section of
 * docs/CONTRACT.md, and nothing cites files that only exist outside it. (CI clones only the repository, so
 * nothing here compares with anything outside it.)
 */
class DocsTest {
    private static final Path ROOT = RepositoryFiles.root();
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern FENCED = Pattern.compile("(?ms)^```.*?^```");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`\n]*`");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{2,4} (\\d+(?:\\.\\d+)*)\\.?\\s");
    private static final Pattern CITATION = Pattern.compile("CONTRACT(?:\\.md)? §(\\d+(?:\\.\\d+)*)");
    /** Written in pieces so that this file does not match itself. */
    private static final List<String> OUTSIDE = List.of(
            "../" + "shared",
            "/work/" + "shared",
            "shared" + "/docs",
            "shared" + "/reference",
            "reference" + " §",
            "docs/" + "reference/",
            "platform-" + "2026.md",
            "meta-cloud-" + "api.md",
            "twilio-" + "whatsapp.md",
            "peers" + ".md",
            "../" + "seed/");

    @Test
    void theContractIsInTheRepository() {
        Path contract = ROOT.resolve("docs/CONTRACT.md");
        assertThat(contract).isRegularFile();
        String text = RepositoryFiles.read(contract);
        assertThat(text).startsWith("# The gateway's contract\n");
        assertThat(sections(text)).contains("1", "2.1", "2.3", "2.4", "3", "3.1", "3.2", "3.3", "3.4", "4", "5.1", "6");
    }

    @Test
    void everyLinkOfTheReadmeAndTheDocsLeadsToAFileInsideTheRepository() {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        pages.addAll(RepositoryFiles.files(ROOT.resolve("docs"), ".md"));
        assertThat(pages).contains(ROOT.resolve("docs/ARCHITECTURE.md"), ROOT.resolve("docs/TENANTS.md"));
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages) {
            Matcher link = LINK.matcher(withoutCode(RepositoryFiles.read(page)));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("(?i)(https?|mailto):.*") || target.startsWith("#")) {
                    continue;
                }
                checked++;
                Path resolved = page.getParent()
                        .resolve(target.replaceFirst("#.*$", ""))
                        .normalize();
                if (!resolved.startsWith(ROOT) || !Files.exists(resolved)) {
                    broken.add(ROOT.relativize(page) + " -> " + target);
                }
            }
        }
        assertThat(checked).as("links checked").isGreaterThan(10);
        assertThat(broken).as("links that leave the repository or lead nowhere").isEmpty();
    }

    @Test
    void everyContractSectionCitedInTheCodeExists() {
        Set<String> sections = sections(RepositoryFiles.read(ROOT.resolve("docs/CONTRACT.md")));
        Set<String> missing = new TreeSet<>();
        int cited = 0;
        for (Path file : RepositoryFiles.files(ROOT, ".java", ".md", ".js", ".html")) {
            Matcher citation = CITATION.matcher(RepositoryFiles.read(file));
            while (citation.find()) {
                cited++;
                if (!sections.contains(citation.group(1))) {
                    missing.add(ROOT.relativize(file) + ": CONTRACT §" + citation.group(1));
                }
            }
        }
        assertThat(cited).isGreaterThan(50);
        assertThat(missing)
                .as("citations of sections docs/CONTRACT.md does not have")
                .isEmpty();
    }

    @Test
    void nothingCitesFilesThatOnlyExistOutsideTheRepository() {
        List<String> found = new ArrayList<>();
        for (Path file : RepositoryFiles.files(ROOT, ".java", ".md", ".js", ".py", ".html", ".xml")) {
            String text = RepositoryFiles.read(file);
            if (file.equals(ROOT.resolve("docs/CONTRACT.md"))) {
                // the contract is a verbatim copy: its one mention of the seed design is its history, not a link
                text = text.replace("(`../" + "seed/whatsapp-integration.md`)", "");
            }
            for (String outside : OUTSIDE) {
                if (text.contains(outside)) {
                    found.add(ROOT.relativize(file) + " mentions '" + outside + "'");
                }
            }
        }
        assertThat(found)
                .as("cite docs/CONTRACT.md, docs/PROVIDERS.md or the provider's public docs instead")
                .isEmpty();
    }

    @Test
    void theTenantGuideShowsTheExampleVerifiersExactlyAsTheyAreInTheRepository() {
        String guide = RepositoryFiles.read(ROOT.resolve("docs/TENANTS.md"));
        assertThat(guide).contains("```js\n" + RepositoryFiles.read(ROOT.resolve("docs/examples/verify.js")) + "```\n");
        assertThat(guide)
                .contains("```python\n" + RepositoryFiles.read(ROOT.resolve("docs/examples/verify.py")) + "```\n");
    }

    private static Set<String> sections(String markdown) {
        Set<String> sections = new TreeSet<>();
        Matcher heading = HEADING.matcher(markdown);
        while (heading.find()) {
            sections.add(heading.group(1));
        }
        return sections;
    }

    private static String withoutCode(String markdown) {
        return INLINE_CODE.matcher(FENCED.matcher(markdown).replaceAll("")).replaceAll("");
    }
}
