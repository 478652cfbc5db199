package com.vendin.whatsapp.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.vendin.whatsapp.app.support.AdminCalls;
import com.vendin.whatsapp.app.support.Eventually;
import com.vendin.whatsapp.app.support.FakeGraph;
import com.vendin.whatsapp.app.support.FakeTenant;
import com.vendin.whatsapp.app.support.MetaPayloads;
import com.vendin.whatsapp.app.support.TestGateway;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** One log line per webhook and per send, with the message id and the outcome, and never a credential. */
class LogLinesTest {
    private static final String PHONE_ID = "100000000000001";
    private static final String STORE_TOKEN = "moda-secret-access-token";

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private FakeGraph graph;
    private FakeTenant tenant;
    private TestGateway gateway;

    @BeforeEach
    void start() throws Exception {
        captured.start();
        root().addAppender(captured);
        graph = new FakeGraph().start();
        tenant = new FakeTenant().start();
        gateway = TestGateway.start(TestGateway.environment(dir, graph.baseUrl()));
        AdminCalls.createMetaTenant(gateway, "moda-brasil", tenant.url(), "+5511999911111", PHONE_ID, STORE_TOKEN);
    }

    @AfterEach
    void stop() {
        gateway.close();
        tenant.close();
        graph.close();
        root().detachAppender(captured);
    }

    @Test
    void givenAnsweredMessageAndFailedSendWhenLoggedThenOneLineEachWithIdsAndOutcomesAndNoSecrets() {
        graph.failNext(400, 131047);
        gateway.postMetaWebhook(MetaPayloads.webhook()
                .text(PHONE_ID, "5511999911111", "5511988887777", "wamid.L1", "Oi")
                .json());
        gateway.postMetaWebhook(MetaPayloads.webhook()
                .text(PHONE_ID, "5511999911111", "5511988887778", "wamid.L2", "Oi")
                .json());

        Eventually.within(
                Duration.ofSeconds(10),
                "both replies were attempted",
                () -> lines("send ").size() == 2);
        assertThat(lines("webhook facebook"))
                .containsExactly(
                        "webhook facebook messages=[wamid.L1] accepted=1 duplicate=0 unroutable=0 rate_limited=0 statuses=0",
                        "webhook facebook messages=[wamid.L2] accepted=1 duplicate=0 unroutable=0 rate_limited=0 statuses=0");
        assertThat(lines("send "))
                .anySatisfy(l -> assertThat(l).contains("outcome=failed code=131047"))
                .anySatisfy(l -> assertThat(l).contains("outcome=accepted message_id=wamid.OUT"));
        String all = String.join("\n", lines(""));
        assertThat(all)
                .doesNotContain(
                        STORE_TOKEN, TestGateway.PLATFORM_TOKEN, TestGateway.APP_SECRET, TestGateway.ADMIN_TOKEN);
    }

    private List<String> lines(String prefix) {
        return List.copyOf(captured.list).stream()
                .map(e -> e.getFormattedMessage()
                        + (e.getThrowableProxy() == null
                                ? ""
                                : e.getThrowableProxy().getMessage()))
                .filter(l -> l.startsWith(prefix))
                .toList();
    }

    private static Logger root() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
