package com.vendin.whatsapp.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.vendin.whatsapp.app.support.Eventually;
import com.vendin.whatsapp.app.support.FakeGraph;
import com.vendin.whatsapp.app.support.FakeTenant;
import com.vendin.whatsapp.app.support.FakeTwilio;
import com.vendin.whatsapp.app.support.TestGateway;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code simulate --user-id} sends what Meta and Twilio send for a customer known only by a WhatsApp username
 * (CONTRACT §2.4): run against a real gateway over HTTP, the store receives {@code userId}, {@code username} and
 * the {@code user:<BSUID>} thread, and the reply goes to the BSUID.
 */
class SimulateUsernameCustomerTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private FakeGraph graph;
    private FakeTwilio twilio;
    private FakeTenant moda;
    private FakeTenant pizza;
    private TestGateway gateway;

    @BeforeEach
    void start() throws Exception {
        graph = new FakeGraph().start();
        twilio = new FakeTwilio().start();
        moda = new FakeTenant().start();
        pizza = new FakeTenant().start();
        gateway = TestGateway.start(TestGateway.environment(dir, graph.baseUrl(), twilio.baseUrl()));
        assertThat(gateway.admin(
                                "POST",
                                "/api/v1/tenants",
                                "{\"id\":\"moda-brasil\",\"subdomain\":\"moda-brasil\",\"instanceUrl\":\"" + moda.url()
                                        + "\",\"whatsapp\":{\"phoneNumber\":\"+5511999911111\",\"phoneId\":"
                                        + "\"100000000000001\",\"provider\":\"facebook\",\"accessToken\":\"t\"}}")
                        .code())
                .isEqualTo(201);
        assertThat(gateway.admin(
                                "POST",
                                "/api/v1/tenants",
                                "{\"id\":\"pizza-sp\",\"subdomain\":\"pizza-sp\",\"instanceUrl\":\"" + pizza.url()
                                        + "\",\"whatsapp\":{\"phoneNumber\":\"+551140045678\",\"provider\":\"twilio\"}}")
                        .code())
                .isEqualTo(201);
    }

    @AfterEach
    void stop() {
        gateway.close();
        moda.close();
        pizza.close();
        twilio.close();
        graph.close();
    }

    @Test
    void aMetaMessageWithOnlyAUserIdReachesTheStoreOnTheUserThread() {
        StringWriter out = new StringWriter();
        int exit = simulate(
                out,
                "--gateway",
                gateway.baseUrl(),
                "--app-secret",
                TestGateway.APP_SECRET,
                "--to",
                "+5511999911111",
                "--phone-id",
                "100000000000001",
                "--user-id",
                "BR.1234567890",
                "--username",
                "@kfisher",
                "--wait",
                "0",
                "Oi");

        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).contains("from BR.1234567890", "HTTP 200");
        Eventually.within(WAIT, "the store is called", () -> moda.calls().size() == 1);
        JsonNode forwarded = moda.calls().get(0).body();
        assertThat(forwarded.path("from").asText("absent")).isEmpty();
        assertThat(forwarded.path("threadId").asText()).isEqualTo("user:BR.1234567890");
        assertThat(forwarded.path("userId").asText()).isEqualTo("BR.1234567890");
        assertThat(forwarded.path("username").asText()).isEqualTo("@kfisher");
        Eventually.within(WAIT, "the reply is sent", () -> graph.sends().size() == 1);
        assertThat(graph.sends().get(0).body().path("recipient").asText()).isEqualTo("BR.1234567890");
        assertThat(graph.sends().get(0).body().has("to")).isFalse();
    }

    @Test
    void aTwilioMessageWithOnlyAUserIdReachesTheStoreAndTheReplyGoesToTheUserId() {
        StringWriter out = new StringWriter();
        int exit = simulate(
                out,
                "--provider",
                "twilio",
                "--gateway",
                gateway.baseUrl(),
                "--auth-token",
                TestGateway.TWILIO_MAIN_TOKEN,
                "--public-url",
                gateway.twilioWebhookUrl().replace("/webhooks/whatsapp/twilio", ""),
                "--to",
                "+551140045678",
                "--user-id",
                "BR.1234567890",
                "--wait",
                "0",
                "Oi pelo Twilio");

        assertThat(exit).as(out.toString()).isZero();
        Eventually.within(WAIT, "the store is called", () -> pizza.calls().size() == 1);
        JsonNode forwarded = pizza.calls().get(0).body();
        assertThat(forwarded.path("from").asText("absent")).isEmpty();
        assertThat(forwarded.path("threadId").asText()).isEqualTo("user:BR.1234567890");
        assertThat(forwarded.path("userId").asText()).isEqualTo("BR.1234567890");
        Eventually.within(WAIT, "the reply is sent", () -> twilio.sends().size() == 1);
        assertThat(twilio.sends().get(0).to()).isEqualTo("whatsapp:BR.1234567890");
    }

    @Test
    void neitherAPhoneNorAUserIdIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new SimulateCommand()).setErr(new PrintWriter(err));

        int exit = command.execute("--gateway", gateway.baseUrl(), "--to", "+5511999911111", "Oi");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--from", "--user-id");
        assertThat(moda.calls()).isEmpty();
    }

    @Test
    void anOutboxRecipientIsMatchedAsABsuidOrAsPhoneDigits() {
        assertThat(SimulateCommand.recipient("BR.1234567890")).isEqualTo("BR.1234567890");
        assertThat(SimulateCommand.recipient("whatsapp:BR.1234567890")).isEqualTo("BR.1234567890");
        assertThat(SimulateCommand.recipient("+55 11 98888-7777")).isEqualTo("5511988887777");
    }

    private static int simulate(StringWriter out, String... args) {
        return new CommandLine(new SimulateCommand())
                .setOut(new PrintWriter(out))
                .execute(args);
    }
}
