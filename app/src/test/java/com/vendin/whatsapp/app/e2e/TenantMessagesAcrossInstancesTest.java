package com.vendin.whatsapp.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.vendin.whatsapp.app.support.AdminCalls;
import com.vendin.whatsapp.app.support.Eventually;
import com.vendin.whatsapp.app.support.FakeGraph;
import com.vendin.whatsapp.app.support.FakeTenant;
import com.vendin.whatsapp.app.support.HttpResult;
import com.vendin.whatsapp.app.support.MetaPayloads;
import com.vendin.whatsapp.app.support.TestGateway;
import com.vendin.whatsapp.app.support.TestPostgres;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gateways on one real PostgreSQL database receive the same tenant-initiated send (same idempotency key) at
 * the same moment, several times over: each key is sent exactly once to the (fake) Graph API and every caller
 * gets the same answer.
 */
class TenantMessagesAcrossInstancesTest {
    private static final String TENANT = "moda-brasil";
    private static final String PHONE_ID = "100000000000001";
    private static final String DISPLAY = "5511999911111";
    private static final String ANA = "5511988887777";
    private static final int KEYS = 6;
    private static final int COPIES = 6;

    @TempDir
    Path dir;

    @Test
    void givenTwoGatewaysOnOnePostgresWhenTheSameKeyArrivesAtBothAtOnceThenItIsSentOnceAndEveryoneGetsOneAnswer()
            throws Exception {
        try (FakeGraph graph = new FakeGraph().start();
                FakeTenant store = new FakeTenant().start().replyWith(b -> null)) {
            Map<String, String> env = TestGateway.environment(dir, graph.baseUrl());
            env.put("GATEWAY_DATABASE_URL", TestPostgres.freshDatabaseUrl());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            env.put("GATEWAY_SECRET_KEY", Base64.getEncoder().encodeToString(key));
            try (TestGateway a = TestGateway.start(env);
                    TestGateway b = TestGateway.start(env)) {
                AdminCalls.createMetaTenant(a, TENANT, store.url(), "+" + DISPLAY, PHONE_ID, "moda-token");
                assertThat(b.postMetaWebhook(MetaPayloads.webhook()
                                        .text(
                                                PHONE_ID,
                                                DISPLAY,
                                                ANA,
                                                "wamid.M1",
                                                "Oi",
                                                Instant.now().getEpochSecond() - 60)
                                        .json())
                                .code())
                        .isEqualTo(200);
                Eventually.within(
                        Duration.ofSeconds(10),
                        "the customer's message is recorded",
                        () -> store.calls().size() == 1);

                ExecutorService pool = Executors.newFixedThreadPool(COPIES);
                try {
                    for (int k = 0; k < KEYS; k++) {
                        String body = "{\"to\":\"+" + ANA + "\",\"idempotencyKey\":\"order-" + k + "\",\"messages\":"
                                + "[{\"type\":\"text\",\"text\":\"Pedido " + k + " enviado\"},"
                                + "{\"type\":\"text\",\"text\":\"Obrigado " + k + "\"}]}";
                        CountDownLatch go = new CountDownLatch(1);
                        List<Future<HttpResult>> answers = new ArrayList<>();
                        for (int c = 0; c < COPIES; c++) {
                            TestGateway gateway = c % 2 == 0 ? a : b;
                            answers.add(pool.submit(() -> {
                                go.await();
                                return gateway.admin("POST", "/api/v1/tenants/" + TENANT + "/messages", body);
                            }));
                        }
                        go.countDown();
                        List<JsonNode> bodies = new ArrayList<>();
                        for (Future<HttpResult> answer : answers) {
                            HttpResult result = answer.get();
                            assertThat(result.code()).as(result.body()).isEqualTo(202);
                            bodies.add(result.json());
                        }
                        assertThat(bodies).as("one answer for key " + k).allMatch(j -> j.equals(bodies.get(0)));
                        assertThat(bodies.get(0).path("parts")).hasSize(2);
                    }
                } finally {
                    pool.shutdownNow();
                }

                Eventually.within(
                        Duration.ofSeconds(20),
                        "every key's parts are sent",
                        () -> graph.sends().size() >= 2 * KEYS);
                Eventually.within(
                        Duration.ofSeconds(20),
                        "nothing is left to send",
                        () -> AdminCalls.messages(a, TENANT).stream()
                                .noneMatch(m -> m.path("state").asText().equals("pending")));
                Thread.sleep(500);
                List<String> texts =
                        graph.sends().stream().map(FakeGraph.Send::text).toList();
                assertThat(texts).hasSize(2 * KEYS).doesNotHaveDuplicates();
                for (int k = 0; k < KEYS; k++) {
                    assertThat(texts.indexOf("Pedido " + k + " enviado"))
                            .as("in order")
                            .isLessThan(texts.indexOf("Obrigado " + k));
                }
                assertThat(AdminCalls.messages(b, TENANT).stream()
                                .filter(m -> m.path("direction").asText().equals("outbound")))
                        .hasSize(2 * KEYS);
            }
        }
    }
}
