package com.vendin.whatsapp.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A store's conversations with rich parts, made the way callers make them: Ana asks over a signed Meta webhook and
 * the store answers text + image + buttons (CONTRACT §3.1), then sends a photo; Bia wrote 25 hours ago and the store
 * sends her a template on its own with {@code replyTo} (§3.2). Used by the messages-API and console tests.
 */
public final class RichConversation {
    public static final String TENANT = "moda-brasil";
    public static final String PHONE_ID = "100000000000001";
    public static final String DISPLAY = "5511999911111";
    public static final String ANA = "5511988887777";
    public static final String BIA = "5511977776666";
    public static final String QUESTION = "tem azul?";
    public static final String PHOTO_MEDIA_ID = "1420539718966254";
    public static final String LOOKASIDE =
            "https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=" + PHOTO_MEDIA_ID + "&ext=1";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final byte[] PNG = "\u0089PNG\r\n\u001a\nfake-shirt-pixels".getBytes(StandardCharsets.ISO_8859_1);

    private final TestGateway gateway;
    private final FakeGraph graph;
    private final String imageUrl;

    private RichConversation(TestGateway gateway, FakeGraph graph, String imageUrl) {
        this.gateway = gateway;
        this.graph = graph;
        this.imageUrl = imageUrl;
    }

    /** Makes {@code tenant} answer Ana's question with the rich reply and everything else with nothing. */
    public static RichConversation prepare(
            TestGateway gateway, FakeGraph graph, FakeTenant tenant, FakeMediaHost media) {
        RichConversation conversation =
                new RichConversation(gateway, graph, media.serve("/catalogo/azul.png", "image/png", PNG));
        tenant.answerJson(body -> body.path("message").asText().equals(QUESTION) ? conversation.richReply() : "{}");
        AdminCalls.createMetaTenant(gateway, TENANT, tenant.url(), "+" + DISPLAY, PHONE_ID, "moda-token");
        return conversation;
    }

    public String imageUrl() {
        return imageUrl;
    }

    public String richReply() {
        return "{\"messages\":[{\"type\":\"text\",\"text\":\"Temos sim!\"},"
                + "{\"type\":\"image\",\"url\":\"" + imageUrl + "\",\"caption\":\"Camiseta azul\"},"
                + "{\"type\":\"buttons\",\"text\":\"Quer comprar?\",\"buttons\":["
                + "{\"id\":\"buy\",\"title\":\"Comprar\"},{\"id\":\"later\",\"title\":\"Agora não\"}]}]}";
    }

    /** Ana asks (now) and the three parts of the answer are sent; then she sends a photo; Bia wrote 25 h ago. */
    public void play() {
        int before = graph.sends().size();
        post(MetaPayloads.webhook()
                .text(PHONE_ID, DISPLAY, ANA, "wamid.ASK", QUESTION)
                .json());
        Eventually.within(WAIT, "the rich reply is sent", () -> graph.sends().size() == before + 3);
        post(MetaPayloads.webhook()
                .rawChange(
                        "messages",
                        "{\"messaging_product\":\"whatsapp\",\"metadata\":"
                                + "{\"display_phone_number\":\"" + DISPLAY + "\",\"phone_number_id\":\"" + PHONE_ID
                                + "\"},"
                                + "\"contacts\":[{\"profile\":{\"name\":\"Ana\"},\"wa_id\":\"" + ANA
                                + "\"}],\"messages\":[{\"from\":\""
                                + ANA + "\",\"id\":\"wamid.PHOTO\",\"timestamp\":\""
                                + Instant.now().getEpochSecond() + "\","
                                + "\"type\":\"image\",\"image\":{\"caption\":\"Essa aqui?\",\"mime_type\":\"image/jpeg\","
                                + "\"sha256\":\"m0hTm8XlIHBGq1KmOWV0cFnMHF3g4ExQSq/m3fGPTTo=\",\"id\":\""
                                + PHOTO_MEDIA_ID + "\","
                                + "\"url\":\"" + LOOKASIDE + "\"}}]}")
                .json());
        post(MetaPayloads.webhook()
                .text(
                        PHONE_ID,
                        DISPLAY,
                        BIA,
                        "wamid.BIA",
                        "Oi, ainda tem?",
                        Instant.now().minus(Duration.ofHours(25)).getEpochSecond())
                .json());
        Eventually.within(
                WAIT,
                "the photo and Bia's message are forwarded",
                () -> AdminCalls.inboundState(gateway, TENANT, "wamid.PHOTO").equals("forwarded")
                        && AdminCalls.inboundState(gateway, TENANT, "wamid.BIA").equals("forwarded"));
    }

    /** The store sends Bia a template on its own, answering her message; returns the part's listed id. */
    public String templateToBia() {
        HttpResult sent = gateway.admin(
                "POST",
                "/api/v1/tenants/" + TENANT + "/messages",
                "{\"to\":\"+" + BIA
                        + "\",\"replyTo\":\"wamid.BIA\",\"messages\":[{\"type\":\"template\",\"name\":\"pedido_enviado\","
                        + "\"language\":\"pt_BR\",\"components\":[{\"type\":\"body\",\"parameters\":[{\"type\":\"text\","
                        + "\"text\":\"42\"}]}]}]}");
        assertThat(sent.code()).as(sent.body()).isEqualTo(202);
        String id = sent.json().path("parts").get(0).path("id").asText();
        Eventually.within(
                WAIT,
                "the template is sent",
                () -> AdminCalls.messages(gateway, TENANT).stream()
                        .anyMatch(m -> m.path("id").asText().equals(id)
                                && m.path("state").asText().equals("sent")));
        return id;
    }

    private void post(String json) {
        HttpResult ack = gateway.postMetaWebhook(json);
        assertThat(ack.code()).as(ack.body()).isEqualTo(200);
    }

    public static JsonNode byProviderId(List<JsonNode> items, String providerMessageId) {
        return items.stream()
                .filter(m -> m.path("providerMessageId").asText().equals(providerMessageId))
                .findFirst()
                .orElseThrow(() -> new AssertionError(providerMessageId + " is not listed"));
    }
}
