package com.vendin.whatsapp.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.app.support.AdminCalls;
import com.vendin.whatsapp.app.support.Eventually;
import com.vendin.whatsapp.app.support.FakeGraph;
import com.vendin.whatsapp.app.support.FakeTenant;
import com.vendin.whatsapp.app.support.HeadlessChromium;
import com.vendin.whatsapp.app.support.MetaPayloads;
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
 * Headless Chromium loads {@code /console}, signs in with the admin token, sees a message sent through the
 * webhook with its reply, and retries a dead letter with its button; a screenshot goes to {@code target/}.
 */
class ConsoleBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PHONE_ID = "100000000000001";
    private static final String DISPLAY = "5511999911111";

    @TempDir
    Path dir;

    private FakeGraph graph;
    private FakeTenant tenant;
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
        tenant = new FakeTenant().start();
        gateway = TestGateway.start(TestGateway.environment(dir, graph.baseUrl()));
        AdminCalls.createMetaTenant(gateway, "moda-brasil", tenant.url(), "+5511999911111", PHONE_ID, "moda-token");
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
            tenant.close();
            graph.close();
        }
    }

    @Test
    void givenMessageAndDeadLetterWhenOperatorUsesConsoleThenSeesTimelineAndRetriesWithButton() throws Exception {
        tenant.answerStatus(body -> body.path("message").asText().equals("quebrado") ? 400 : 200);
        gateway.postMetaWebhook(MetaPayloads.webhook()
                .text(PHONE_ID, DISPLAY, "5511988887777", "wamid.C1", "Oi console")
                .json());
        gateway.postMetaWebhook(MetaPayloads.webhook()
                .text(PHONE_ID, DISPLAY, "5511988887778", "wamid.C2", "quebrado")
                .json());
        Eventually.within(
                WAIT,
                "one message answered, one dead",
                () -> graph.sends().size() == 1
                        && AdminCalls.inboundState(gateway, "moda-brasil", "wamid.C2")
                                .equals("dead"));
        tenant.answerStatus(body -> 200);

        try (HeadlessChromium browser = HeadlessChromium.start(Files.createDirectories(dir.resolve("profile")))) {
            browser.navigate(gateway.baseUrl() + "/console");
            // The script is at the end of the page: sign in only once it has run and hooked up the form.
            Eventually.within(
                    WAIT,
                    "the sign-in form shows and the console script is loaded",
                    () -> browser.check("!!document.querySelector('#token') && document.readyState === 'complete'"));
            browser.evaluate("document.querySelector('#token').value = '" + TestGateway.ADMIN_TOKEN + "';"
                    + "document.querySelector('#signin-button').click(); true");

            Eventually.within(
                    WAIT,
                    "the timeline shows the message, its reply and its part's status",
                    () -> browser.check("document.querySelector('#timeline').innerText.includes('Oi console')"
                            + " && document.querySelector('#timeline').innerText.includes('Re: Oi console')"
                            + " && document.querySelector('#timeline').innerText.includes('part 1: sent')"));
            assertThat(browser.evaluate("sessionStorage.getItem('gatewayAdminToken')")
                            .asText())
                    .isEqualTo(TestGateway.ADMIN_TOKEN);
            assertThat(browser.evaluate("document.querySelector('#tenants').innerText")
                            .asText())
                    .contains("moda-brasil", "+5511999911111");
            Eventually.within(
                    WAIT,
                    "the dead letter is listed with a retry button",
                    () -> browser.check("!!document.querySelector('#dead button.retry')"));
            browser.screenshot(Path.of("target", "console-before-retry.png"));

            browser.evaluate("document.querySelector('#dead button.retry').click(); true");

            Eventually.within(
                    WAIT,
                    "the retried message reaches the tenant and is answered",
                    () -> graph.sends().size() == 2);
            assertThat(tenant.accepted()).extracting(FakeTenant.Call::messageId).contains("wamid.C2");
            Eventually.within(
                    WAIT,
                    "the console shows no dead letter and the retried message forwarded",
                    () -> browser.check("document.querySelectorAll('#dead button.retry').length === 0"
                            + " && document.querySelector('#timeline').innerText.includes('Re: quebrado')"));
            browser.screenshot(Path.of("target", "console.png"));
        }
        assertThat(Path.of("target", "console.png")).isNotEmptyFile();
    }
}
