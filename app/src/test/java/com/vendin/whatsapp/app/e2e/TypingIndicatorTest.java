package com.vendin.whatsapp.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Module;
import com.vendin.whatsapp.app.support.AdminCalls;
import com.vendin.whatsapp.app.support.Eventually;
import com.vendin.whatsapp.app.support.FakeGraph;
import com.vendin.whatsapp.app.support.FakeTenant;
import com.vendin.whatsapp.app.support.FakeTwilio;
import com.vendin.whatsapp.app.support.MetaPayloads;
import com.vendin.whatsapp.app.support.TestGateway;
import com.vendin.whatsapp.app.support.TwilioPayloads;
import com.vendin.whatsapp.app.wiring.TypingSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Typing…" while the agent works (CONTRACT §3.5), end to end: on Meta the read-and-typing request on forward and
 * its renewals while a slow tenant composes, on Twilio its typing indicator (Twilio docs: "WhatsApp typing indicators", Public Beta), a failing or slow indicator that never delays the reply, and
 * {@code GATEWAY_TYPING_INDICATOR=false}. The renewal interval is bound short here; production uses 20 s.
 */
class TypingIndicatorTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration INTERVAL = Duration.ofMillis(300);
    private static final Duration TENANT_TIME = Duration.ofMillis(1_000);
    private static final String PHONE_ID = "100000000000001";
    private static final String DISPLAY = "5511999911111";
    private static final String CUSTOMER = "5511988887777";

    @TempDir
    Path dir;

    private FakeGraph graph;
    private FakeTenant tenant;
    private TestGateway gateway;

    @BeforeEach
    void fakes() throws Exception {
        graph = new FakeGraph().start();
        tenant = new FakeTenant().start().delayEveryAnswer(TENANT_TIME);
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        tenant.close();
        graph.close();
    }

    private void boot(Map<String, String> extra, Module... overrides) {
        Map<String, String> env = TestGateway.environment(dir, graph.baseUrl());
        env.putAll(extra);
        gateway = TestGateway.start(env, overrides);
        AdminCalls.createMetaTenant(gateway, "moda-brasil", tenant.url(), "+5511999911111", PHONE_ID, "moda-token");
    }

    private static Module shortInterval() {
        return binder -> binder.bind(TypingSettings.class).toInstance(new TypingSettings(true, INTERVAL));
    }

    @Test
    void givenATenantThatTakesThreeIntervalsWhenItsCustomerWritesThenTypingIsShownOnForwardAndRenewedUntilTheReply()
            throws Exception {
        boot(Map.of(), shortInterval());

        long posted = System.nanoTime();
        gateway.postMetaWebhook(MetaPayloads.webhook()
                .text(PHONE_ID, DISPLAY, CUSTOMER, "wamid.T1", "oi")
                .json());

        Eventually.within(WAIT, "the reply is sent", () -> graph.sends().size() == 1);
        List<FakeGraph.Typing> typings = graph.typings();
        assertThat(typings)
                .as("shown on forward, renewed while the tenant works (1 s at 300 ms)")
                .hasSizeBetween(3, 5)
                .allSatisfy(typing -> {
                    assertThat(typing.path()).isEqualTo("/v25.0/" + PHONE_ID + "/messages");
                    assertThat(typing.authorization()).isEqualTo("Bearer moda-token");
                    assertThat(typing.body())
                            .isEqualTo(
                                    new ObjectMapper()
                                            .readTree(
                                                    "{\"messaging_product\":\"whatsapp\","
                                                            + "\"status\":\"read\",\"message_id\":\"wamid.T1\",\"typing_indicator\":{\"type\":\"text\"}}"));
                });
        assertThat(Duration.ofNanos(typings.get(0).atNanos() - posted))
                .as("shown as the message is forwarded")
                .isLessThan(TENANT_TIME);
        for (int i = 1; i < typings.size(); i++) {
            assertThat(Duration.ofNanos(
                            typings.get(i).atNanos() - typings.get(i - 1).atNanos()))
                    .as("renewed once per interval")
                    .isGreaterThan(INTERVAL.minusMillis(100));
        }
        int shown = graph.typings().size();
        Thread.sleep(INTERVAL.multipliedBy(3).toMillis());
        assertThat(graph.typings())
                .as("no renewal once the tenant has answered")
                .hasSize(shown);
    }

    @Test
    void givenAGraphThatFailsAndStallsTypingWhenACustomerWritesThenTheReplyStillLeavesOnTime() {
        graph.answerTyping(500).delayTyping(Duration.ofSeconds(4));
        boot(Map.of(), shortInterval());

        long posted = System.nanoTime();
        gateway.postMetaWebhook(MetaPayloads.webhook()
                .text(PHONE_ID, DISPLAY, CUSTOMER, "wamid.T2", "oi")
                .json());

        Eventually.within(WAIT, "the reply is sent", () -> graph.sends().size() == 1);
        assertThat(Duration.ofNanos(System.nanoTime() - posted))
                .as("the indicator never delays the reply")
                .isLessThan(TENANT_TIME.plusSeconds(2));
        assertThat(graph.sends().get(0).text()).isEqualTo("Re: oi");
        assertThat(graph.typings())
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t.status()).isEqualTo(500));
        Eventually.within(
                WAIT,
                "the message is replied",
                () -> AdminCalls.inboundState(gateway, "moda-brasil", "wamid.T2")
                        .equals("replied"));
    }

    @Test
    void givenTypingTurnedOffWhenACustomerWritesThenNoTypingRequestIsMade() throws Exception {
        boot(Map.of("GATEWAY_TYPING_INDICATOR", "false"));

        gateway.postMetaWebhook(MetaPayloads.webhook()
                .text(PHONE_ID, DISPLAY, CUSTOMER, "wamid.T3", "oi")
                .json());

        Eventually.within(WAIT, "the reply is sent", () -> graph.sends().size() == 1);
        Thread.sleep(200);
        assertThat(graph.typings()).isEmpty();
        assertThat(gateway.instance(TypingSettings.class).enabled()).isFalse();
    }

    @Test
    void givenATwilioStoreWhenItsCustomerWritesThenTwiliosTypingIndicatorIsCalledAndRenewed() throws Exception {
        try (FakeTwilio twilio = new FakeTwilio().start()) {
            Map<String, String> env = TestGateway.environment(dir, graph.baseUrl(), twilio.baseUrl());
            gateway = TestGateway.start(env, shortInterval());
            TwilioMessagePathTest.createTenant(gateway, "loja", tenant, "+551140049999", "");

            gateway.postTwilioWebhook(
                    TwilioPayloads.message(
                                    "SM00000000000000000000000000000091",
                                    "+5511987654321",
                                    "+551140049999",
                                    TwilioPayloads.MAIN_ACCOUNT_SID)
                            .put("MessageType", "text")
                            .put("Body", "oi"),
                    TestGateway.TWILIO_MAIN_TOKEN);

            Eventually.within(WAIT, "the reply is sent", () -> twilio.sends().size() == 1);
            assertThat(twilio.typings()).hasSizeBetween(3, 5).allSatisfy(call -> {
                assertThat(call.params())
                        .containsExactlyInAnyOrderEntriesOf(
                                Map.of("messageId", "SM00000000000000000000000000000091", "channel", "whatsapp"));
                assertThat(call.authorization())
                        .isEqualTo("Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                (TwilioPayloads.MAIN_ACCOUNT_SID + ":" + TestGateway.TWILIO_MAIN_TOKEN)
                                                        .getBytes(StandardCharsets.UTF_8)));
            });
            assertThat(graph.typings()).isEmpty();
            gateway.close();
            gateway = null;
        }
    }

    @Test
    void givenTheDefaultsThenTypingIsOnAndRenewedEveryTwentySeconds() {
        tenant.delayEveryAnswer(Duration.ZERO);
        boot(Map.of());

        assertThat(gateway.instance(TypingSettings.class)).isEqualTo(new TypingSettings(true, Duration.ofSeconds(20)));
        gateway.postMetaWebhook(MetaPayloads.webhook()
                .text(PHONE_ID, DISPLAY, CUSTOMER, "wamid.T4", "oi")
                .json());
        Eventually.within(WAIT, "typing is shown", () -> graph.typings().size() == 1);
        Eventually.within(WAIT, "the reply is sent", () -> graph.sends().size() == 1);
    }
}
