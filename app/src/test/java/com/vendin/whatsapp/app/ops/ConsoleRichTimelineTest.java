package com.vendin.whatsapp.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.app.support.Eventually;
import com.vendin.whatsapp.app.support.FakeGraph;
import com.vendin.whatsapp.app.support.FakeMediaHost;
import com.vendin.whatsapp.app.support.FakeTenant;
import com.vendin.whatsapp.app.support.HeadlessChromium;
import com.vendin.whatsapp.app.support.RichConversation;
import com.vendin.whatsapp.app.support.TestGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headless Chromium shows rich traffic readably in the console timeline: a rich reply's parts with their type
 * badges, the image as a thumbnail, the buttons as chips; a customer's photo as a gateway link; the store's own
 * template marked as sent by the store; and the selected thread's 24-hour window, open for a customer who wrote
 * now and closed for one who wrote 25 hours ago. A screenshot goes to {@code target/console-rich.png}.
 */
class ConsoleRichTimelineTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String TIMELINE = "document.querySelector('#timeline')";

    @TempDir
    Path dir;

    private FakeGraph graph;
    private FakeTenant tenant;
    private FakeMediaHost media;
    private TestGateway gateway;

    @BeforeEach
    void start() throws Exception {
        boolean ci = "true".equals(System.getenv("CI"));
        if (!HeadlessChromium.available()) {
            assertThat(ci)
                    .as("chromium is required on CI (.ci/run installs it)")
                    .isFalse();
            Assumptions.abort("chromium is not installed (apt-get install -y chromium); skipping the browser test");
        }
        graph = new FakeGraph().start();
        media = new FakeMediaHost().start();
        tenant = new FakeTenant().start();
        gateway = TestGateway.start(TestGateway.environment(dir, graph.baseUrl()));
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
            tenant.close();
            media.close();
            graph.close();
        }
    }

    @Test
    void givenRichTrafficWhenTheOperatorOpensTheConsoleThenPartsShowByTypeAndTheSelectedThreadShowsItsWindow()
            throws Exception {
        RichConversation conversation = RichConversation.prepare(gateway, graph, tenant, media);
        conversation.play();
        conversation.templateToBia();

        try (HeadlessChromium browser = HeadlessChromium.start(Files.createDirectories(dir.resolve("profile")))) {
            browser.navigate(gateway.baseUrl() + "/console");
            Eventually.within(
                    WAIT,
                    "the sign-in form shows and the console script is loaded",
                    () -> browser.check("!!document.querySelector('#token') && document.readyState === 'complete'"));
            browser.evaluate("document.querySelector('#token').value = '" + TestGateway.ADMIN_TOKEN + "';"
                    + "document.querySelector('#signin-button').click(); true");

            Eventually.within(
                    WAIT,
                    "the timeline shows the rich reply",
                    () -> browser.check(TIMELINE + ".innerText.includes('Quer comprar?')"));
            assertThat(browser.evaluate("[...document.querySelectorAll('#timeline .chip')].map(c => c.innerText)"
                                    + ".join('|')")
                            .asText())
                    .isEqualTo("Comprar|Agora não");
            assertThat(browser.evaluate("[...document.querySelectorAll('#timeline .reply .badge')].map(b => b.innerText"
                                    + ".toLowerCase()).join('|')")
                            .asText())
                    .isEqualTo("template|text|image|buttons");
            assertThat(browser.evaluate("document.querySelector('#timeline img.thumb').getAttribute('src')")
                            .asText())
                    .isEqualTo(conversation.imageUrl());
            assertThat(browser.evaluate(TIMELINE + ".innerText").asText())
                    .contains(
                            "Temos sim!",
                            "Camiseta azul",
                            "part 3: sent",
                            "template pedido_enviado (pt_BR)",
                            "sent by the store in reply to wamid.BIA");
            assertThat(browser.evaluate("document.querySelector('[data-message=\"wamid.PHOTO\"] .media a')"
                                    + ".getAttribute('href')")
                            .asText())
                    .as("the customer's photo links through the gateway, never to Meta")
                    .startsWith("http://localhost:" + gateway.gateway().port() + "/media/");
            assertThat(browser.evaluate(TIMELINE + ".innerHTML").asText()).doesNotContain("lookaside");

            browser.evaluate("document.querySelector('.thread-chip[data-thread=\"+" + RichConversation.ANA
                    + "\"]').click(); true");
            Eventually.within(
                    WAIT,
                    "Ana's thread shows its open window",
                    () -> browser.check(
                            "document.querySelector('#thread-window').innerText.includes('window open until')"));
            assertThat(browser.evaluate(TIMELINE + ".innerText").asText())
                    .contains("Quer comprar?")
                    .doesNotContain("pedido_enviado");
            browser.screenshot(Path.of("target", "console-rich.png"));

            browser.evaluate("document.querySelector('.thread-chip[data-thread=\"+" + RichConversation.BIA
                    + "\"]').click(); true");
            Eventually.within(
                    WAIT,
                    "Bia's thread shows its closed window",
                    () -> browser.check(
                            "document.querySelector('#thread-window').innerText.includes('window closed: only templates')"));
            assertThat(browser.evaluate(TIMELINE + ".innerText").asText())
                    .contains("pedido_enviado")
                    .doesNotContain("Quer comprar?");
        }
        assertThat(Path.of("target", "console-rich.png")).isNotEmptyFile();
    }
}
