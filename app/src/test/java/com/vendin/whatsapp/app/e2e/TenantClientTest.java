package com.vendin.whatsapp.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.vendin.whatsapp.app.support.AdminCalls;
import com.vendin.whatsapp.app.support.Eventually;
import com.vendin.whatsapp.app.support.FakeGraph;
import com.vendin.whatsapp.app.support.HttpResult;
import com.vendin.whatsapp.app.support.MetaPayloads;
import com.vendin.whatsapp.app.support.TestGateway;
import com.vendin.whatsapp.tenant.InboundMessage;
import com.vendin.whatsapp.tenant.Reply;
import com.vendin.whatsapp.tenant.SignatureVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tenant instance written the way docs/TENANTS.md says, with nothing but the JDK's HTTP server and the
 * {@code tenant-client} module, against the real gateway: it verifies the gateway's signature, reads the
 * payload and answers with a {@link Reply}, and the answer goes out to the customer through the Graph API.
 */
class TenantClientTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String STORE_PHONE_ID = "100000000000001";
    private static final String STORE_DISPLAY = "5511999911111";
    private static final String CUSTOMER = "5511988887777";

    @TempDir
    Path dir;

    private FakeGraph graph;
    private TestGateway gateway;
    private HttpServer tenant;
    private final AtomicReference<SignatureVerifier> verifier = new AtomicReference<>();
    private final List<SignatureVerifier.Result> checks = new CopyOnWriteArrayList<>();
    private final List<InboundMessage> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        graph = new FakeGraph().start();
        tenant = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        tenant.createContext("/webhooks/whatsapp", this::handle);
        tenant.start();
        gateway = TestGateway.start(TestGateway.environment(dir, graph.baseUrl()));
        String instanceUrl = "http://127.0.0.1:" + tenant.getAddress().getPort();
        String json = "{\"id\":\"moda-brasil\",\"subdomain\":\"moda-brasil\",\"instanceUrl\":\"" + instanceUrl + "\","
                + "\"whatsapp\":{\"phoneNumber\":\"+5511999911111\",\"phoneId\":\"" + STORE_PHONE_ID + "\","
                + "\"provider\":\"facebook\",\"accessToken\":\"moda-token\"}}";
        HttpResult created = gateway.admin("POST", "/api/v1/tenants", json);
        assertThat(created.code()).as(created.body()).isEqualTo(201);
        verifier.set(new SignatureVerifier(created.json().path("instanceSecret").asText()));
    }

    @AfterEach
    void stop() {
        gateway.close();
        tenant.stop(0);
        graph.close();
    }

    /** The tenant instance: verify, then parse, then answer; 401 for anything not signed by the gateway. */
    private void handle(HttpExchange exchange) throws IOException {
        byte[] raw;
        try (InputStream in = exchange.getRequestBody()) {
            raw = in.readAllBytes();
        }
        SignatureVerifier.Result check = verifier.get().verify(exchange.getRequestHeaders(), raw);
        checks.add(check);
        if (!check.isValid()) {
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
            return;
        }
        InboundMessage message = InboundMessage.parse(raw);
        received.add(message);
        byte[] answer = Reply.text("Recebido, " + message.profileName().orElse("cliente") + ": " + message.message())
                .bytes();
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    @Test
    void aJdkTenantVerifiesTheGatewaysRealSignatureAndItsReplyGoesOut() {
        String body = MetaPayloads.webhook()
                .text(STORE_PHONE_ID, STORE_DISPLAY, CUSTOMER, "wamid.TC1", "Olá, tem a camiseta azul?", 1_795_000_000L)
                .json();

        assertThat(gateway.postMetaWebhook(body).code()).isEqualTo(200);

        Eventually.within(WAIT, "the reply is sent", () -> graph.sends().size() == 1);
        assertThat(checks).containsExactly(SignatureVerifier.Result.VALID);
        assertThat(received).singleElement().satisfies(message -> {
            assertThat(message.messageId()).isEqualTo("wamid.TC1");
            assertThat(message.tenantId()).isEqualTo("moda-brasil");
            assertThat(message.from()).isEqualTo("+5511988887777");
            assertThat(message.threadId()).isEqualTo("+5511988887777");
            assertThat(message.role()).isEqualTo("customer");
            assertThat(message.type()).isEqualTo("text");
            assertThat(message.message()).isEqualTo("Olá, tem a camiseta azul?");
        });
        FakeGraph.Send send = graph.sends().get(0);
        assertThat(send.path()).isEqualTo("/v25.0/" + STORE_PHONE_ID + "/messages");
        assertThat(send.to()).isEqualTo(CUSTOMER);
        assertThat(send.text()).isEqualTo("Recebido, Ana: Olá, tem a camiseta azul?");
    }

    @Test
    void afterTheSecretIsRotatedTheOldVerifierRefusesTheGatewayAndNothingIsAnswered() {
        HttpResult rotated = gateway.admin("POST", "/api/v1/tenants/moda-brasil/instance-secret", "");
        assertThat(rotated.code()).as(rotated.body()).isEqualTo(200);
        String body = MetaPayloads.webhook()
                .text(STORE_PHONE_ID, STORE_DISPLAY, CUSTOMER, "wamid.TC2", "Oi", 1_795_000_000L)
                .json();

        assertThat(gateway.postMetaWebhook(body).code()).isEqualTo(200);

        Eventually.within(
                WAIT,
                "the refused delivery is dead-lettered",
                () -> "dead".equals(AdminCalls.inboundState(gateway, "moda-brasil", "wamid.TC2")));
        assertThat(checks).containsExactly(SignatureVerifier.Result.WRONG_SIGNATURE);
        assertThat(received).isEmpty();
        assertThat(graph.sends()).isEmpty();

        verifier.set(new SignatureVerifier(rotated.json().path("instanceSecret").asText()));
        String next = MetaPayloads.webhook()
                .text(STORE_PHONE_ID, STORE_DISPLAY, CUSTOMER, "wamid.TC3", "Oi de novo", 1_795_000_100L)
                .json();
        assertThat(gateway.postMetaWebhook(next).code()).isEqualTo(200);
        Eventually.within(WAIT, "the reply is sent", () -> graph.sends().size() == 1);
        assertThat(checks).containsExactly(SignatureVerifier.Result.WRONG_SIGNATURE, SignatureVerifier.Result.VALID);
    }
}
