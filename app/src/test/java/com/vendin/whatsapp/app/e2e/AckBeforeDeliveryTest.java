package com.vendin.whatsapp.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.vendin.whatsapp.app.support.AdminCalls;
import com.vendin.whatsapp.app.support.Eventually;
import com.vendin.whatsapp.app.support.FakeGraph;
import com.vendin.whatsapp.app.support.FakeTenant;
import com.vendin.whatsapp.app.support.HttpResult;
import com.vendin.whatsapp.app.support.MetaPayloads;
import com.vendin.whatsapp.app.support.TestGateway;
import com.vendin.whatsapp.domain.DeliverySettings;
import com.vendin.whatsapp.domain.PlatformAccount;
import com.vendin.whatsapp.domain.inbound.WebhookReceiver;
import com.vendin.whatsapp.domain.routing.Router;
import com.vendin.whatsapp.ports.delivery.WorkNotifier;
import com.vendin.whatsapp.ports.identity.PersonDirectory;
import com.vendin.whatsapp.ports.inbound.BatchReceipt;
import com.vendin.whatsapp.ports.inbound.InboundBatch;
import com.vendin.whatsapp.ports.inbound.Inbox;
import com.vendin.whatsapp.ports.inbound.RateLimiter;
import com.vendin.whatsapp.ports.inbound.ReceiveWebhook;
import com.vendin.whatsapp.ports.inbound.StandbyLog;
import com.vendin.whatsapp.ports.tenant.TenantDirectory;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CONTRACT §2.1: the tenant instance is called after the provider got its 200, never before, and the 200
 * comes only after the durable write.
 */
class AckBeforeDeliveryTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Duration SLOW_ACK = Duration.ofMillis(1500);
    private static final String PHONE_ID = "100000000000001";
    private static final String DISPLAY = "5511999911111";

    @TempDir
    Path dir;

    @Test
    void givenAnswerThatLeavesSlowlyAfterTheRecordWhenMessageArrivesThenTenantIsCalledOnlyAfterThe200()
            throws Exception {
        try (FakeGraph graph = new FakeGraph().start();
                FakeTenant tenant = new FakeTenant().start();
                TestGateway gateway =
                        TestGateway.start(TestGateway.environment(dir, graph.baseUrl()), new SlowAnswer())) {
            AdminCalls.createMetaTenant(gateway, "moda-brasil", tenant.url(), "+5511999911111", PHONE_ID, "moda-token");

            HttpResult ack = gateway.postMetaWebhook(MetaPayloads.webhook()
                    .text(PHONE_ID, DISPLAY, "5511988887777", "wamid.ACK1", "Oi")
                    .json());
            List<FakeTenant.Call> callsWhenAcked = tenant.calls();

            assertThat(ack.code()).isEqualTo(200);
            assertThat(AdminCalls.inboundState(gateway, "moda-brasil", "wamid.ACK1"))
                    .as("recorded before the answer")
                    .isNotEmpty();
            assertThat(callsWhenAcked)
                    .as("tenant calls during the %s ms between the record and the 200", SLOW_ACK.toMillis())
                    .isEmpty();
            Eventually.within(
                    WAIT,
                    "the tenant is called after the 200",
                    () -> tenant.calls().size() == 1);
            assertThat(tenant.calls().get(0).messageId()).isEqualTo("wamid.ACK1");
        }
    }

    @Test
    void givenProviderOnARawConnectionWhenTenantIsCalledThenTheProvidersAnswerHadAlreadyArrived() throws Exception {
        List<Boolean> answeredWhenCalled = new CopyOnWriteArrayList<>();
        AtomicReference<Socket> provider = new AtomicReference<>();
        try (MockWebServer tenant = new MockWebServer();
                FakeGraph graph = new FakeGraph().start()) {
            tenant.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    answeredWhenCalled.add(answerArrived(provider.get()));
                    return new MockResponse.Builder()
                            .code(200)
                            .setHeader("Content-Type", "application/json")
                            .body("{}")
                            .build();
                }
            });
            tenant.start();
            try (TestGateway gateway = TestGateway.start(TestGateway.environment(dir, graph.baseUrl()))) {
                AdminCalls.createMetaTenant(
                        gateway, "moda-brasil", tenant.url("/").toString(), "+5511999911111", PHONE_ID, "moda-token");
                for (int i = 0; i < 5; i++) {
                    try (Socket socket =
                            new Socket("127.0.0.1", gateway.gateway().port())) {
                        provider.set(socket);
                        byte[] body = MetaPayloads.webhook()
                                .text(PHONE_ID, DISPLAY, "5511988887777", "wamid.RAW" + i, "Oi " + i)
                                .json()
                                .getBytes(StandardCharsets.UTF_8);
                        send(socket.getOutputStream(), body);
                        int calls = i + 1;
                        Eventually.within(WAIT, "tenant call " + calls, () -> answeredWhenCalled.size() == calls);
                        assertThat(readAll(socket.getInputStream())).startsWith("HTTP/1.1 200");
                    }
                }
            }
        }

        assertThat(answeredWhenCalled).hasSize(5).containsOnly(true);
    }

    /** Whether the gateway's answer is in the provider's receive buffer (written to the connection). */
    private static boolean answerArrived(Socket socket) {
        try {
            return socket != null && socket.getInputStream().available() > 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static void send(OutputStream out, byte[] body) throws java.io.IOException {
        String head = "POST /webhooks/whatsapp/facebook HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n"
                + "X-Hub-Signature-256: " + MetaPayloads.sign(body, TestGateway.APP_SECRET) + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private static String readAll(InputStream in) throws java.io.IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    /** The production receiver, with {@link #SLOW_ACK} between the durable record and the writing of the answer. */
    private static final class SlowAnswer extends AbstractModule {
        @Provides
        @Singleton
        ReceiveWebhook receiveWebhook(
                TenantDirectory directory,
                PlatformAccount platform,
                PersonDirectory persons,
                Inbox inbox,
                StandbyLog standby,
                RateLimiter rateLimiter,
                WorkNotifier notifier,
                DeliverySettings settings,
                Clock clock) {
            ReceiveWebhook real = new WebhookReceiver(
                    new Router(directory, platform, persons), inbox, rateLimiter, notifier, standby, settings, clock);
            return new ReceiveWebhook() {
                @Override
                public BatchReceipt receive(InboundBatch batch) {
                    BatchReceipt receipt = real.receive(batch);
                    try {
                        Thread.sleep(SLOW_ACK.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return receipt;
                }

                @Override
                public void acknowledged(InboundBatch batch, BatchReceipt receipt) {
                    real.acknowledged(batch, receipt);
                }
            };
        }
    }
}
