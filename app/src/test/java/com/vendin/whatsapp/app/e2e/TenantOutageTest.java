package com.vendin.whatsapp.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.app.support.AdminCalls;
import com.vendin.whatsapp.app.support.Eventually;
import com.vendin.whatsapp.app.support.FakeGraph;
import com.vendin.whatsapp.app.support.FakeTenant;
import com.vendin.whatsapp.app.support.MetaPayloads;
import com.vendin.whatsapp.app.support.TestGateway;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tenant that answers 503 for 30 seconds and then recovers gets every message exactly once, each thread's
 * in provider order, on the real retry schedule (first retry within 3 s, doubling): about 45 s of wall time.
 */
class TenantOutageTest {
    private static final String PHONE_ID = "100000000000001";
    private static final String DISPLAY = "5511999911111";
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final int THREADS = 4;
    private static final int PER_THREAD = 5;

    @TempDir
    Path dir;

    @Test
    void givenTenantAnswering503For30SecondsWhenItRecoversThenEveryMessageOnceAndEachThreadInOrder() throws Exception {
        AtomicLong firstCallAt = new AtomicLong();
        try (FakeGraph graph = new FakeGraph().start();
                FakeTenant tenant = new FakeTenant().start().answerStatus(body -> {
                    long now = System.nanoTime();
                    firstCallAt.compareAndSet(0, now);
                    return now - firstCallAt.get() < OUTAGE.toNanos() ? 503 : 200;
                });
                TestGateway gateway = TestGateway.start(TestGateway.environment(dir, graph.baseUrl()))) {
            AdminCalls.createMetaTenant(gateway, "moda-brasil", tenant.url(), "+5511999911111", PHONE_ID, "t");
            long stamp = System.currentTimeMillis() / 1000 - 100;
            List<String> expected = new ArrayList<>();
            for (int k = 0; k < PER_THREAD; k++) {
                for (int t = 0; t < THREADS; t++) {
                    String wamid = "wamid.T" + t + "-" + k;
                    expected.add(wamid);
                    assertThat(gateway.postMetaWebhook(MetaPayloads.webhook()
                                            .text(
                                                    PHONE_ID,
                                                    DISPLAY,
                                                    "55119888800" + (10 + t),
                                                    wamid,
                                                    "m" + k,
                                                    stamp + k)
                                            .json())
                                    .code())
                            .isEqualTo(200);
                }
            }

            Eventually.within(
                    Duration.ofSeconds(80),
                    "every message is accepted after the outage",
                    () -> tenant.accepted().size() >= expected.size());
            Eventually.within(
                    Duration.ofSeconds(10),
                    "every reply is sent",
                    () -> graph.sends().size() >= expected.size());

            List<FakeTenant.Call> accepted = tenant.accepted();
            assertThat(tenant.calls().stream().filter(c -> c.status() == 503).count())
                    .as("the outage was seen and retried")
                    .isGreaterThanOrEqualTo(THREADS * 2L);
            assertThat(accepted).extracting(FakeTenant.Call::messageId).containsExactlyInAnyOrderElementsOf(expected);
            Map<String, List<String>> byThread = accepted.stream()
                    .collect(Collectors.groupingBy(
                            c -> c.body().path("threadId").asText(),
                            Collectors.mapping(FakeTenant.Call::messageId, Collectors.toList())));
            assertThat(byThread).hasSize(THREADS);
            byThread.values()
                    .forEach(ids -> assertThat(ids)
                            .as("one thread's order")
                            .isSortedAccordingTo(java.util.Comparator.comparing((Function<String, Integer>)
                                    id -> Integer.parseInt(id.substring(id.indexOf('-') + 1)))));
            assertThat(graph.sends()).hasSize(expected.size());
        }
    }
}
