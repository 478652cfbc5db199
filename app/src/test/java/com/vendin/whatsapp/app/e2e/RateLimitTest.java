package com.vendin.whatsapp.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.app.support.AdminCalls;
import com.vendin.whatsapp.app.support.Eventually;
import com.vendin.whatsapp.app.support.FakeGraph;
import com.vendin.whatsapp.app.support.FakeTenant;
import com.vendin.whatsapp.app.support.HttpResult;
import com.vendin.whatsapp.app.support.MetaPayloads;
import com.vendin.whatsapp.app.support.RedisAvailable;
import com.vendin.whatsapp.app.support.TestGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-sender rate limit (CONTRACT §2.3): 20 a minute forwarded, the rest recorded rate_limited and still acknowledged. */
class RateLimitTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String PHONE_ID = "100000000000001";
    private static final String DISPLAY = "5511999911111";
    private static final String TENANT = "moda-brasil";

    @TempDir
    Path dir;

    @Test
    void given21MessagesFromOneSenderInAMinuteWhenReceivedThen20ForwardedAnd1RateLimitedAllAcknowledged()
            throws Exception {
        try (FakeGraph graph = new FakeGraph().start();
                FakeTenant tenant = new FakeTenant().start();
                TestGateway gateway = TestGateway.start(TestGateway.environment(dir, graph.baseUrl()))) {
            AdminCalls.createMetaTenant(gateway, TENANT, tenant.url(), "+5511999911111", PHONE_ID, "moda-token");
            String sender = randomSender();

            for (int i = 0; i < 21; i++) {
                assertThat(post(gateway, sender, "wamid.RL" + i).code())
                        .as("ack of message %d", i)
                        .isEqualTo(200);
            }

            Eventually.within(
                    WAIT, "20 messages reach the tenant", () -> tenant.calls().size() == 20);
            assertThat(inboundStates(gateway))
                    .filteredOn("rate_limited"::equals)
                    .hasSize(1);
            assertThat(AdminCalls.inboundState(gateway, TENANT, "wamid.RL20")).isEqualTo("rate_limited");
            Eventually.within(
                    WAIT, "the 20 replies are sent", () -> graph.sends().size() == 20);
            assertThat(tenant.calls()).hasSize(20);
        }
    }

    @Test
    void givenTwoGatewaysSharingOneRedisWhen21MessagesFromOneSenderAreSplitBetweenThemThenTheyCountTogether()
            throws Exception {
        String redisUrl = RedisAvailable.urlOrSkip();
        try (FakeGraph graph = new FakeGraph().start();
                FakeTenant tenant = new FakeTenant().start();
                TestGateway first = TestGateway.start(env(dir.resolve("a"), graph, redisUrl));
                TestGateway second = TestGateway.start(env(dir.resolve("b"), graph, redisUrl))) {
            for (TestGateway gateway : List.of(first, second)) {
                AdminCalls.createMetaTenant(gateway, TENANT, tenant.url(), "+5511999911111", PHONE_ID, "moda-token");
            }
            String sender = randomSender();

            for (int i = 0; i < 21; i++) {
                TestGateway gateway = i % 2 == 0 ? first : second;
                assertThat(post(gateway, sender, "wamid.RR" + i).code())
                        .as("ack of message %d", i)
                        .isEqualTo(200);
            }

            Eventually.within(
                    WAIT, "20 messages reach the tenant", () -> tenant.calls().size() == 20);
            List<String> states = new java.util.ArrayList<>(inboundStates(first));
            states.addAll(inboundStates(second));
            assertThat(states).hasSize(21);
            assertThat(states).filteredOn("rate_limited"::equals).hasSize(1);
            assertThat(AdminCalls.inboundState(first, TENANT, "wamid.RR20")).isEqualTo("rate_limited");
            assertThat(first.get("/health").json().path("checks").path("redis").asText())
                    .isEqualTo("ok");
        }
    }

    private static Map<String, String> env(Path gatewayDir, FakeGraph graph, String redisUrl) throws Exception {
        Files.createDirectories(gatewayDir);
        Map<String, String> env = TestGateway.environment(gatewayDir, graph.baseUrl());
        env.put("REDIS_URL", redisUrl);
        return env;
    }

    /** A Brazilian mobile no other run has used in the last minute, so Redis counts start at zero. */
    private static String randomSender() {
        return "55119" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    }

    private static HttpResult post(TestGateway gateway, String sender, String wamid) {
        return gateway.postMetaWebhook(MetaPayloads.webhook()
                .text(PHONE_ID, DISPLAY, sender, wamid, "Oi")
                .json());
    }

    private static List<String> inboundStates(TestGateway gateway) {
        return AdminCalls.messages(gateway, TENANT).stream()
                .filter(m -> m.path("direction").asText().equals("inbound"))
                .map(m -> m.path("state").asText())
                .toList();
    }
}
