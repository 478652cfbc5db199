package com.vendin.whatsapp.app.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.vendin.whatsapp.http.tenant.SignedTenantClient;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.delivery.AgentOutcome;
import com.vendin.whatsapp.ports.delivery.AgentRequest;
import com.vendin.whatsapp.ports.delivery.TenantEndpoint;
import com.vendin.whatsapp.ports.inbound.MessageContent;
import com.vendin.whatsapp.ports.inbound.Role;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Node and Python verifiers of docs/TENANTS.md ({@code docs/examples/verify.js}, {@code verify.py}), run
 * as their own programs against calls signed by the gateway's real signer ({@link SignedTenantClient}, the
 * client that calls tenant instances): they accept the real signature and refuse a tampered body, a stale
 * timestamp and another secret. Skipped when {@code node} or {@code python3} is not installed, failed
 * instead under {@code CI=true}.
 */
class ExampleVerifiersTest {
    private static final Path EXAMPLES = RepositoryFiles.root().resolve("docs/examples");
    private static final String SECRET = "instance-sécret-moda";

    private HttpServer tenant;
    private final AtomicReference<Captured> captured = new AtomicReference<>();
    private final OkHttpClient http = new OkHttpClient();

    /** One call as the tenant received it. */
    private record Captured(String timestamp, String signature, byte[] body) {}

    /** What the verifier program said. */
    private record Verdict(int exitCode, String output) {}

    @BeforeEach
    void start() throws IOException {
        tenant = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        tenant.createContext("/webhooks/whatsapp", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                captured.set(new Captured(
                        exchange.getRequestHeaders().getFirst("X-Vendin-Timestamp"),
                        exchange.getRequestHeaders().getFirst("X-Vendin-Signature"),
                        in.readAllBytes()));
            }
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        tenant.start();
    }

    @AfterEach
    void stop() {
        tenant.stop(0);
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Test
    void theNodeVerifierAcceptsTheGatewaysSignatureAndRefusesTamperingStalenessAndAnotherSecret() throws Exception {
        checkVerifier(List.of(program("node"), EXAMPLES.resolve("verify.js").toString()));
    }

    @Test
    void thePythonVerifierAcceptsTheGatewaysSignatureAndRefusesTamperingStalenessAndAnotherSecret() throws Exception {
        checkVerifier(List.of(program("python3"), EXAMPLES.resolve("verify.py").toString()));
    }

    private void checkVerifier(List<String> command) throws Exception {
        Captured fresh = signedByTheGateway(Clock.systemUTC());
        assertThat(run(command, SECRET, fresh)).isEqualTo(new Verdict(0, "valid"));

        byte[] tampered = Arrays.copyOf(fresh.body(), fresh.body().length);
        tampered[tampered.length - 2] ^= 1;
        assertThat(run(command, SECRET, new Captured(fresh.timestamp(), fresh.signature(), tampered)))
                .isEqualTo(new Verdict(1, "invalid"));
        assertThat(run(command, "another-secret", fresh)).isEqualTo(new Verdict(1, "invalid"));
        assertThat(run(
                        command,
                        SECRET,
                        new Captured(
                                Long.toString(Long.parseLong(fresh.timestamp()) + 1), fresh.signature(), fresh.body())))
                .isEqualTo(new Verdict(1, "invalid"));

        Captured stale = signedByTheGateway(Clock.fixed(Instant.now().minus(Duration.ofSeconds(400)), ZoneOffset.UTC));
        assertThat(run(command, SECRET, stale)).isEqualTo(new Verdict(1, "invalid"));
        Captured almostStale =
                signedByTheGateway(Clock.fixed(Instant.now().minus(Duration.ofSeconds(240)), ZoneOffset.UTC));
        assertThat(run(command, SECRET, almostStale)).isEqualTo(new Verdict(0, "valid"));
    }

    /** A real call of the gateway's tenant client, signed at {@code clock}'s time, as the tenant received it. */
    private Captured signedByTheGateway(Clock clock) {
        captured.set(null);
        SignedTenantClient client = new SignedTenantClient(http, clock);
        TenantEndpoint endpoint = new TenantEndpoint(
                new TenantId("moda-brasil"),
                URI.create("http://127.0.0.1:" + tenant.getAddress().getPort()),
                new Secret(SECRET));
        AgentRequest request = new AgentRequest(
                "wamid.DOCS1",
                new TenantId("moda-brasil"),
                new PhoneNumber("+5511988887777"),
                Role.CUSTOMER,
                "+5511988887777",
                MessageContent.text("Olá, tem a camiseta azul? 👕"),
                Optional.of("Ana"),
                Instant.parse("2026-11-24T12:00:00Z"));

        AgentOutcome outcome = client.deliver(endpoint, request);

        assertThat(outcome).isEqualTo(new AgentOutcome.Replied(Optional.empty()));
        Captured call = captured.get();
        assertThat(call).isNotNull();
        assertThat(new String(call.body(), StandardCharsets.UTF_8)).contains("\"messageId\":\"wamid.DOCS1\"");
        assertThat(call.timestamp()).isEqualTo(Long.toString(clock.instant().getEpochSecond()));
        return call;
    }

    private static Verdict run(List<String> command, String secret, Captured call) throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder(concat(command, call.timestamp(), call.signature())).redirectErrorStream(true);
        builder.environment().put("INSTANCE_SECRET", secret);
        Process process = builder.start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write(call.body());
        }
        String output;
        try (InputStream stdout = process.getInputStream()) {
            output = new String(stdout.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        assertThat(process.waitFor(20, TimeUnit.SECONDS))
                .as("the verifier finished")
                .isTrue();
        return new Verdict(process.exitValue(), output);
    }

    private static List<String> concat(List<String> command, String... more) {
        List<String> all = new java.util.ArrayList<>(command);
        all.addAll(List.of(more));
        return all;
    }

    /** {@code name} when it runs here; otherwise the test is skipped (failed under CI=true). */
    private static String program(String name) {
        boolean present;
        try {
            Process probe = new ProcessBuilder(name, "--version")
                    .redirectErrorStream(true)
                    .start();
            probe.getInputStream().readAllBytes();
            present = probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            present = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            present = false;
        }
        String message = name + " is not installed here, so docs/examples cannot be run";
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(message + " (CI=true: required)");
        }
        Assumptions.assumeTrue(present, message);
        return name;
    }
}
