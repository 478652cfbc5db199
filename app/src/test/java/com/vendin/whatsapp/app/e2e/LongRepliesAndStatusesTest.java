package com.vendin.whatsapp.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.vendin.whatsapp.app.support.Eventually;
import com.vendin.whatsapp.app.support.FakeGraph;
import com.vendin.whatsapp.app.support.FakeTenant;
import com.vendin.whatsapp.app.support.FakeTwilio;
import com.vendin.whatsapp.app.support.HttpResult;
import com.vendin.whatsapp.app.support.MetaPayloads;
import com.vendin.whatsapp.app.support.TestGateway;
import com.vendin.whatsapp.app.support.TwilioPayloads;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Long replies leave in ordered parts within each provider's limit; delivery statuses of both providers only move forward. */
class LongRepliesAndStatusesTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String META_PHONE_ID = "100000000000007";
    private static final String META_STORE = "5511999977777";
    private static final String TWILIO_STORE = "+551140047777";
    private static final String CUSTOMER = "+5511987654321";
    private static final String LONG_REPLY = longText(10_000);

    @TempDir
    Path dir;

    private FakeGraph graph;
    private FakeTwilio twilio;
    private FakeTenant store;
    private TestGateway gateway;

    @BeforeEach
    void start() throws Exception {
        graph = new FakeGraph().start();
        twilio = new FakeTwilio().start();
        store = new FakeTenant()
                .start()
                .replyWith(body -> body.path("message").asText().equals("long") ? LONG_REPLY : "ok");
        gateway = TestGateway.start(TestGateway.environment(dir, graph.baseUrl(), twilio.baseUrl()));
        assertThat(gateway.admin(
                                "POST",
                                "/api/v1/tenants",
                                "{\"id\":\"meta-store\",\"subdomain\":\"meta-store\","
                                        + "\"instanceUrl\":\"" + store.url() + "\",\"whatsapp\":{\"phoneNumber\":\"+"
                                        + META_STORE + "\","
                                        + "\"phoneId\":\"" + META_PHONE_ID
                                        + "\",\"provider\":\"facebook\",\"accessToken\":\"t\"}}")
                        .code())
                .isEqualTo(201);
        assertThat(gateway.admin(
                                "POST",
                                "/api/v1/tenants",
                                "{\"id\":\"twilio-store\",\"subdomain\":\"twilio-store\","
                                        + "\"instanceUrl\":\"" + store.url() + "\",\"whatsapp\":{\"phoneNumber\":\""
                                        + TWILIO_STORE + "\","
                                        + "\"provider\":\"twilio\"}}")
                        .code())
                .isEqualTo(201);
    }

    @AfterEach
    void stop() {
        gateway.close();
        store.close();
        twilio.close();
        graph.close();
    }

    @Test
    void aTenThousandCharacterReplyReachesMetaAsThreeOrderedPartsThatRejoinToTheText() {
        postMeta("wamid.LONG1", "long");

        Eventually.within(
                WAIT,
                "three parts are sent",
                () -> graph.sends().size() >= 3 && states("meta-store").contains("replied"));
        List<String> parts = graph.sends().stream().map(FakeGraph.Send::text).toList();
        assertSplit(parts, 3, 4096);
        assertThat(graph.sends()).extracting(FakeGraph.Send::to).containsOnly(CUSTOMER.substring(1));
    }

    @Test
    void aTenThousandCharacterReplyReachesTwilioAsSevenOrderedPartsThatRejoinToTheText() {
        postTwilio("SM0000000000000000000000000000L0NG", "long");

        Eventually.within(
                WAIT,
                "seven parts are sent",
                () -> twilio.sends().size() >= 7 && states("twilio-store").contains("replied"));
        List<String> parts = twilio.sends().stream().map(FakeTwilio.Send::body).toList();
        assertSplit(parts, 7, 1600);
        assertThat(twilio.sends()).extracting(FakeTwilio.Send::from).containsOnly("whatsapp:" + TWILIO_STORE);
    }

    @Test
    void metaStatusesOutOfOrderNeverMoveAPartBackwardsAndFailuresKeepTheirCode() {
        postMeta("wamid.ST1", "primeira");
        postMeta("wamid.ST2", "segunda");
        Eventually.within(WAIT, "both replies are sent", () -> graph.sends().size() == 2);
        String first = graph.sends().get(0).wamid();
        String second = graph.sends().get(1).wamid();
        awaitRecorded("meta-store", first, second);

        metaStatus(first, "delivered");
        metaStatus(first, "sent");
        assertThat(outboundState("meta-store", first)).isEqualTo("delivered");
        metaStatus(first, "read");
        metaStatus(first, "delivered");
        assertThat(outboundState("meta-store", first)).isEqualTo("read");
        metaStatus("wamid.NEVER-SENT", "read");
        String failed = MetaPayloads.webhook()
                .json()
                .replace(
                        "\"changes\":[]",
                        "\"changes\":[{\"field\":\"messages\","
                                + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\""
                                + META_STORE
                                + "\",\"phone_number_id\":\"" + META_PHONE_ID + "\"},\"statuses\":[{\"id\":\"" + second
                                + "\","
                                + "\"status\":\"failed\",\"timestamp\":\"1795000000\",\"recipient_id\":\"5511987654321\","
                                + "\"errors\":[{\"code\":131047,\"title\":\"Re-engagement message\"}]}]}}]");
        assertThat(gateway.postMetaWebhook(failed).code()).isEqualTo(200);
        metaStatus(second, "delivered");

        assertThat(outboundState("meta-store", second)).isEqualTo("failed");
        assertThat(outbound("meta-store", second).path("errorCode").asText()).isEqualTo("131047");
        assertThat(store.calls()).hasSize(2);
    }

    @Test
    void twilioStatusCallbacksOutOfOrderNeverMoveAPartBackwardsAndFailuresKeepTheirCode() {
        postTwilio("SM000000000000000000000000000ST01", "primeira");
        postTwilio("SM000000000000000000000000000ST02", "segunda");
        Eventually.within(WAIT, "both replies are sent", () -> twilio.sends().size() == 2);
        String first = twilio.sends().get(0).sid();
        String second = twilio.sends().get(1).sid();
        awaitRecorded("twilio-store", first, second);

        assertThat(twilioStatus(first, "delivered", Map.of()).code()).isIn(200, 204);
        twilioStatus(first, "sent", Map.of());
        assertThat(outboundState("twilio-store", first)).isEqualTo("delivered");
        twilioStatus(first, "read", Map.of("EventType", "READ"));
        twilioStatus(first, "delivered", Map.of());
        assertThat(outboundState("twilio-store", first)).isEqualTo("read");
        assertThat(twilioStatus("SM99999999999999999999999999999999", "delivered", Map.of())
                        .code())
                .isIn(200, 204);
        twilioStatus(second, "undelivered", Map.of("ErrorCode", "63016"));
        twilioStatus(second, "delivered", Map.of());

        assertThat(outboundState("twilio-store", second)).isEqualTo("failed");
        assertThat(outbound("twilio-store", second).path("errorCode").asText()).isEqualTo("63016");
        assertThat(store.calls()).hasSize(2);
    }

    private static void assertSplit(List<String> parts, int count, int limit) {
        assertThat(parts).hasSize(count);
        assertThat(String.join("", parts)).isEqualTo(LONG_REPLY);
        assertThat(parts).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(limit));
        for (int i = 0; i < parts.size() - 1; i++) {
            String part = parts.get(i);
            assertThat(Character.isWhitespace(part.charAt(part.length() - 1)))
                    .as("part %d ends at a boundary, not inside a word", i)
                    .isTrue();
        }
    }

    private void postMeta(String wamid, String text) {
        assertThat(gateway.postMetaWebhook(MetaPayloads.webhook()
                                .text(META_PHONE_ID, META_STORE, CUSTOMER.substring(1), wamid, text)
                                .json())
                        .code())
                .isEqualTo(200);
    }

    private void metaStatus(String wamid, String status) {
        assertThat(gateway.postMetaWebhook(MetaPayloads.webhook()
                                .status(META_PHONE_ID, META_STORE, wamid, status, CUSTOMER.substring(1))
                                .json())
                        .code())
                .isEqualTo(200);
    }

    private void postTwilio(String sid, String text) {
        TwilioPayloads message = TwilioPayloads.message(sid, CUSTOMER, TWILIO_STORE, TwilioPayloads.MAIN_ACCOUNT_SID)
                .put("MessageType", "text")
                .put("Body", text);
        assertThat(gateway.postTwilioWebhook(message, TestGateway.TWILIO_MAIN_TOKEN)
                        .code())
                .isEqualTo(200);
    }

    private HttpResult twilioStatus(String sid, String status, Map<String, String> extra) {
        TwilioPayloads callback =
                TwilioPayloads.status(sid, status, TWILIO_STORE, CUSTOMER, TwilioPayloads.MAIN_ACCOUNT_SID);
        extra.forEach(callback::put);
        HttpResult result = gateway.postTwilioWebhook(callback, TestGateway.TWILIO_MAIN_TOKEN);
        assertThat(result.code()).isIn(200, 204);
        return result;
    }

    /**
     * The fake provider has answered the sends; the gateway records each provider id just after that answer,
     * so the listing is read only once it holds them (statuses arriving earlier are kept and applied then).
     */
    private void awaitRecorded(String tenantId, String... providerMessageIds) {
        Eventually.within(WAIT, "the sends are recorded with their provider ids", () -> {
            List<String> listed =
                    TwilioMessagePathTest.items(gateway.admin("GET", "/api/v1/tenants/" + tenantId + "/messages", null)
                                    .json())
                            .stream()
                            .map(i -> i.path("providerMessageId").asText())
                            .toList();
            return listed.containsAll(List.of(providerMessageIds));
        });
    }

    private String outboundState(String tenantId, String providerMessageId) {
        return outbound(tenantId, providerMessageId).path("state").asText();
    }

    private JsonNode outbound(String tenantId, String providerMessageId) {
        return TwilioMessagePathTest.items(gateway.admin("GET", "/api/v1/tenants/" + tenantId + "/messages", null)
                        .json())
                .stream()
                .filter(i ->
                        providerMessageId.equals(i.path("providerMessageId").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no message " + providerMessageId));
    }

    private List<String> states(String tenantId) {
        return TwilioMessagePathTest.items(gateway.admin("GET", "/api/v1/tenants/" + tenantId + "/messages", null)
                        .json())
                .stream()
                .map(i -> i.path("state").asText())
                .toList();
    }

    /** Short paragraphs of sentences, cut to exactly {@code length} characters at a word's end. */
    private static String longText(int length) {
        StringBuilder text = new StringBuilder();
        int sentence = 0;
        while (text.length() < length + 100) {
            sentence++;
            text.append("Frase ").append(sentence).append(" da resposta: temos camisetas azuis em todos os tamanhos.");
            text.append(sentence % 2 == 0 ? "\n\n" : " ");
        }
        return text.substring(0, length - 1) + ".";
    }
}
