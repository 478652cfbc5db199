package com.vendin.whatsapp.http.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.vendin.whatsapp.http.support.Json;
import com.vendin.whatsapp.http.support.MetaPayloads;
import com.vendin.whatsapp.http.support.TestServer;
import com.vendin.whatsapp.ports.inbound.MessageContent;
import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every Meta message type, posted over HTTP, arrives as its CONTRACT §3 content. */
class MetaMessageTypesTest {
    private final TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void textBecomesTextWithItsBodyAndNoDetails() {
        MessageContent content = receive("text", "{\"body\":\"Hola, \\u00bftienes la talla M?\"}");

        assertThat(content.type()).isEqualTo("text");
        assertThat(content.text()).isEqualTo("Hola, ¿tienes la talla M?");
        assertThat(content.detailsJson()).isEmpty();
    }

    @Test
    void imageKeepsMediaFieldsAndItsCaptionIsTheMessage() {
        MessageContent content = receive(
                "image",
                "{\"caption\":\"Blue shirt\",\"mime_type\":\"image/jpeg\","
                        + "\"sha256\":\"c2hhMjU2\",\"id\":\"1000001\",\"url\":\"https://lookaside.fbsbx.com/x\"}");

        assertThat(content.type()).isEqualTo("image");
        assertThat(content.text()).isEqualTo("Blue shirt");
        JsonNode details = details(content);
        assertThat(details.path("mediaId").asText()).isEqualTo("1000001");
        assertThat(details.path("mimeType").asText()).isEqualTo("image/jpeg");
        assertThat(details.path("sha256").asText()).isEqualTo("c2hhMjU2");
        assertThat(details.path("caption").asText()).isEqualTo("Blue shirt");
        assertThat(details.has("url")).isFalse();
    }

    @Test
    void documentKeepsItsFilenameAndAnEmptyMessageWithoutCaption() {
        MessageContent content = receive(
                "document",
                "{\"filename\":\"invoice.pdf\",\"mime_type\":\"application/pdf\","
                        + "\"sha256\":\"ZG9j\",\"id\":\"1000002\"}");

        assertThat(content.type()).isEqualTo("document");
        assertThat(content.text()).isEmpty();
        assertThat(details(content).path("filename").asText()).isEqualTo("invoice.pdf");
        assertThat(details(content).has("caption")).isFalse();
    }

    @Test
    void audioKeepsTheVoiceFlag() {
        MessageContent content = receive(
                "audio",
                "{\"mime_type\":\"audio/ogg; codecs=opus\",\"sha256\":\"YXU=\","
                        + "\"id\":\"1000003\",\"voice\":true}");

        assertThat(content.type()).isEqualTo("audio");
        assertThat(details(content).path("voice").asBoolean()).isTrue();
        assertThat(details(content).path("mimeType").asText()).isEqualTo("audio/ogg; codecs=opus");
    }

    @Test
    void videoKeepsMediaFieldsAndCaption() {
        MessageContent content =
                receive("video", "{\"caption\":\"look\",\"mime_type\":\"video/mp4\",\"id\":\"1000004\"}");

        assertThat(content.type()).isEqualTo("video");
        assertThat(content.text()).isEqualTo("look");
        assertThat(details(content).path("mediaId").asText()).isEqualTo("1000004");
    }

    @Test
    void stickerKeepsTheAnimatedFlag() {
        MessageContent content = receive(
                "sticker",
                "{\"mime_type\":\"image/webp\",\"sha256\":\"c3Q=\"," + "\"id\":\"1000005\",\"animated\":false}");

        assertThat(content.type()).isEqualTo("sticker");
        assertThat(details(content).path("animated").isBoolean()).isTrue();
        assertThat(details(content).path("animated").asBoolean()).isFalse();
    }

    @Test
    void locationKeepsCoordinatesNameAddressAndUrl() {
        MessageContent content = receive(
                "location",
                "{\"latitude\":-23.5505,\"longitude\":-46.6333,"
                        + "\"name\":\"Loja Centro\",\"address\":\"Rua A, 1\",\"url\":\"https://example.com\"}");

        assertThat(content.type()).isEqualTo("location");
        assertThat(content.text()).isEmpty();
        JsonNode details = details(content);
        assertThat(details.path("latitude").asDouble()).isEqualTo(-23.5505);
        assertThat(details.path("longitude").asDouble()).isEqualTo(-46.6333);
        assertThat(details.path("name").asText()).isEqualTo("Loja Centro");
        assertThat(details.path("address").asText()).isEqualTo("Rua A, 1");
        assertThat(details.path("url").asText()).isEqualTo("https://example.com");
    }

    @Test
    void contactsKeepsTheArrayAsGiven() {
        String item = "{\"from\":\"34600111222\",\"id\":\"wamid.C\",\"timestamp\":\"1767225600\",\"type\":\"contacts\","
                + "\"contacts\":[{\"name\":{\"formatted_name\":\"Ana Lima\",\"first_name\":\"Ana\"},"
                + "\"phones\":[{\"phone\":\"+55 11 98888-7777\",\"wa_id\":\"5511988887777\",\"type\":\"CELL\"}]}]}";

        MessageContent content = receiveItem(item);

        assertThat(content.type()).isEqualTo("contacts");
        JsonNode contacts = details(content).path("contacts");
        assertThat(contacts.isArray()).isTrue();
        assertThat(contacts.get(0).at("/name/formatted_name").asText()).isEqualTo("Ana Lima");
        assertThat(contacts.get(0).at("/phones/0/wa_id").asText()).isEqualTo("5511988887777");
    }

    @Test
    void interactiveButtonReplyUsesItsTitleAsTheMessage() {
        MessageContent content = receive(
                "interactive", "{\"type\":\"button_reply\",\"button_reply\":{\"id\":\"yes-1\",\"title\":\"Yes\"}}");

        assertThat(content.type()).isEqualTo("interactive");
        assertThat(content.text()).isEqualTo("Yes");
        assertThat(details(content).path("type").asText()).isEqualTo("button_reply");
        assertThat(details(content).path("id").asText()).isEqualTo("yes-1");
        assertThat(details(content).path("title").asText()).isEqualTo("Yes");
    }

    @Test
    void interactiveListReplyKeepsItsDescription() {
        MessageContent content = receive(
                "interactive",
                "{\"type\":\"list_reply\",\"list_reply\":"
                        + "{\"id\":\"size-m\",\"title\":\"Size M\",\"description\":\"Medium\"}}");

        assertThat(content.text()).isEqualTo("Size M");
        assertThat(details(content).path("type").asText()).isEqualTo("list_reply");
        assertThat(details(content).path("description").asText()).isEqualTo("Medium");
    }

    @Test
    void buttonUsesItsTextAsTheMessageAndKeepsThePayload() {
        MessageContent content =
                receive("button", "{\"payload\":\"DID_NOT_REQUEST_CODE\",\"text\":\"I didn't request a code\"}");

        assertThat(content.type()).isEqualTo("button");
        assertThat(content.text()).isEqualTo("I didn't request a code");
        assertThat(details(content).path("payload").asText()).isEqualTo("DID_NOT_REQUEST_CODE");
        assertThat(details(content).path("text").asText()).isEqualTo("I didn't request a code");
    }

    @Test
    void reactionKeepsTheMessageIdAndEmoji() {
        MessageContent content = receive("reaction", "{\"message_id\":\"wamid.OUT1\",\"emoji\":\"\\uD83D\\uDC4D\"}");

        assertThat(content.type()).isEqualTo("reaction");
        assertThat(content.text()).isEmpty();
        assertThat(details(content).path("messageId").asText()).isEqualTo("wamid.OUT1");
        assertThat(details(content).path("emoji").asText()).isEqualTo("👍");
    }

    @Test
    void unsupportedKeepsTheOriginalTypeAndErrors() {
        String item =
                "{\"from\":\"34600111222\",\"id\":\"wamid.U\",\"timestamp\":\"1767225600\",\"type\":\"unsupported\","
                        + "\"errors\":[{\"code\":131051,\"title\":\"Message type unknown\"}],\"unsupported\":{\"type\":\"edit\"}}";

        MessageContent content = receiveItem(item);

        assertThat(content.type()).isEqualTo("unsupported");
        assertThat(content.text()).isEmpty();
        assertThat(details(content).path("originalType").asText()).isEqualTo("unsupported");
        assertThat(details(content).at("/errors/0/code").asInt()).isEqualTo(131051);
        assertThat(details(content).at("/original/type").asText()).isEqualTo("edit");
    }

    @Test
    void unknownTypesBecomeUnsupportedNamingTheirType() {
        assertThat(details(receive("unknown", null)).path("originalType").asText())
                .isEqualTo("unknown");
        server.receiver.clear();
        MessageContent order = receive("order", "{\"catalog_id\":\"c1\",\"product_items\":[]}");
        assertThat(order.type()).isEqualTo("unsupported");
        assertThat(details(order).path("originalType").asText()).isEqualTo("order");
        assertThat(details(order).path("errors").isArray()).isTrue();
        assertThat(details(order).at("/original/catalog_id").asText()).isEqualTo("c1");
    }

    private MessageContent receive(String type, String typeJson) {
        return receiveItem(MetaPayloads.item("wamid." + type, type, typeJson));
    }

    private MessageContent receiveItem(String item) {
        byte[] body = MetaPayloads.messages(item).getBytes(StandardCharsets.UTF_8);
        int status = server.execute(new Request.Builder()
                        .url(server.url("/webhooks/whatsapp/facebook"))
                        .header("X-Hub-Signature-256", MetaPayloads.signature(body))
                        .post(RequestBody.create(body, MediaType.get("application/json")))
                        .build())
                .status();
        assertThat(status).isEqualTo(200);
        assertThat(server.receiver.messages()).hasSize(1);
        return server.receiver.messages().get(0).content();
    }

    private static JsonNode details(MessageContent content) {
        return Json.parse(content.detailsJson().orElseThrow());
    }
}
