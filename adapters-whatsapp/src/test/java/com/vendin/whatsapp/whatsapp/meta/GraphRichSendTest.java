package com.vendin.whatsapp.whatsapp.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.delivery.MediaKind;
import com.vendin.whatsapp.ports.delivery.OutboundContent;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Button;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Buttons;
import com.vendin.whatsapp.ports.delivery.OutboundContent.ListMessage;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Media;
import com.vendin.whatsapp.ports.delivery.OutboundContent.MetaTemplate;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Reaction;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Row;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Section;
import com.vendin.whatsapp.ports.delivery.OutboundContent.TwilioTemplate;
import com.vendin.whatsapp.ports.delivery.OutboundMessage;
import com.vendin.whatsapp.ports.delivery.SendOutcome;
import com.vendin.whatsapp.ports.delivery.SenderAccount;
import com.vendin.whatsapp.whatsapp.http.HttpClients;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each rich reply item rendered to the exact Graph request of Meta's "Send messages" docs (media, interactive, reaction and template messages). */
class GraphRichSendTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SenderAccount ACCOUNT = SenderAccount.meta("520000000000002", new Secret("EAAG-token"));
    private static final String TO = "5511988887777";
    private static final String HEAD =
            "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\"," + "\"to\":\"" + TO + "\",";
    private static final String TAIL = ",\"biz_opaque_callback_data\":\"wg-part-7\"}";

    private final MockWebServer server = new MockWebServer();
    private GraphApiSender sender;

    @BeforeEach
    void start() throws Exception {
        server.start();
        sender = new GraphApiSender(HttpClients.standard(), server.url("/v25.0").toString());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode sent(OutboundContent content, Optional<String> mediaId) throws Exception {
        server.enqueue(new MockResponse(
                200, Headers.of("Content-Type", "application/json"), "{\"messages\":[{\"id\":\"wamid.OUT\"}]}"));
        SendOutcome outcome = sender.send(new OutboundMessage(ACCOUNT, TO, content, mediaId, Optional.of("wg-part-7")));
        assertThat(outcome).isEqualTo(new SendOutcome.Accepted("wamid.OUT"));
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getRequestLine()).isEqualTo("POST /v25.0/520000000000002/messages HTTP/1.1");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer EAAG-token");
        return JSON.readTree(request.getBody().utf8());
    }

    @Test
    void anImageGoesByTheUploadedMediaIdWithItsCaption() throws Exception {
        Media image = new Media(
                MediaKind.IMAGE, URI.create("https://cdn.example/a.png"), Optional.of("Azul"), Optional.empty());

        assertThat(sent(image, Optional.of("1013859600285441")))
                .isEqualTo(JSON.readTree(HEAD
                        + "\"type\":\"image\",\"image\":{\"id\":\"1013859600285441\",\"caption\":\"Azul\"}" + TAIL));
    }

    @Test
    void aDocumentCarriesItsFilenameAndOtherKindsUseTheirOwnKey() throws Exception {
        Media document = new Media(
                MediaKind.DOCUMENT,
                URI.create("https://cdn.example/n.pdf"),
                Optional.of("Nota"),
                Optional.of("nota-fiscal.pdf"));
        Media audio =
                new Media(MediaKind.AUDIO, URI.create("https://cdn.example/v.ogg"), Optional.empty(), Optional.empty());
        Media sticker = new Media(
                MediaKind.STICKER, URI.create("https://cdn.example/s.webp"), Optional.empty(), Optional.empty());

        assertThat(sent(document, Optional.of("m1")))
                .isEqualTo(JSON.readTree(HEAD + "\"type\":\"document\","
                        + "\"document\":{\"id\":\"m1\",\"caption\":\"Nota\",\"filename\":\"nota-fiscal.pdf\"}" + TAIL));
        assertThat(sent(audio, Optional.of("m2")))
                .isEqualTo(JSON.readTree(HEAD + "\"type\":\"audio\"," + "\"audio\":{\"id\":\"m2\"}" + TAIL));
        assertThat(sent(sticker, Optional.of("m3")))
                .isEqualTo(JSON.readTree(HEAD + "\"type\":\"sticker\"," + "\"sticker\":{\"id\":\"m3\"}" + TAIL));
    }

    @Test
    void replyButtonsAreAnInteractiveButtonMessage() throws Exception {
        Buttons buttons = new Buttons("Quer comprar?", List.of(new Button("buy", "Comprar"), new Button("no", "Não")));

        assertThat(sent(buttons, Optional.empty()))
                .isEqualTo(JSON.readTree(HEAD + "\"type\":\"interactive\","
                        + "\"interactive\":{\"type\":\"button\",\"body\":{\"text\":\"Quer comprar?\"},\"action\":{\"buttons\":["
                        + "{\"type\":\"reply\",\"reply\":{\"id\":\"buy\",\"title\":\"Comprar\"}},"
                        + "{\"type\":\"reply\",\"reply\":{\"id\":\"no\",\"title\":\"Não\"}}]}}" + TAIL));
    }

    @Test
    void aListIsAnInteractiveListWithItsButtonAndSections() throws Exception {
        ListMessage list = new ListMessage(
                "Escolha o tamanho",
                "Tamanhos",
                List.of(
                        new Section(
                                Optional.of("Camisetas"),
                                List.of(
                                        new Row("p", "P", Optional.of("Até 60 kg")),
                                        new Row("m", "M", Optional.empty()))),
                        new Section(Optional.of("Calças"), List.of(new Row("38", "38", Optional.empty())))));

        assertThat(sent(list, Optional.empty()))
                .isEqualTo(JSON.readTree(HEAD + "\"type\":\"interactive\","
                        + "\"interactive\":{\"type\":\"list\",\"body\":{\"text\":\"Escolha o tamanho\"},\"action\":{"
                        + "\"button\":\"Tamanhos\",\"sections\":["
                        + "{\"title\":\"Camisetas\",\"rows\":[{\"id\":\"p\",\"title\":\"P\",\"description\":\"Até 60 kg\"},"
                        + "{\"id\":\"m\",\"title\":\"M\"}]},"
                        + "{\"title\":\"Calças\",\"rows\":[{\"id\":\"38\",\"title\":\"38\"}]}]}}" + TAIL));
    }

    @Test
    void aTemplateCarriesNameLanguageCodeAndItsComponentsAsGiven() throws Exception {
        String components = "[{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"482913\"}]},"
                + "{\"type\":\"button\",\"sub_type\":\"url\",\"index\":\"0\",\"parameters\":[{\"type\":\"text\","
                + "\"text\":\"482913\"}]}]";
        MetaTemplate template = new MetaTemplate("verification_code", "es", Optional.of(components));

        assertThat(sent(template, Optional.empty()))
                .isEqualTo(JSON.readTree(HEAD + "\"type\":\"template\","
                        + "\"template\":{\"name\":\"verification_code\",\"language\":{\"code\":\"es\"},\"components\":"
                        + components + "}" + TAIL));
        assertThat(sent(new MetaTemplate("hello_world", "en_US", Optional.empty()), Optional.empty()))
                .isEqualTo(JSON.readTree(HEAD + "\"type\":\"template\",\"template\":{\"name\":\"hello_world\","
                        + "\"language\":{\"code\":\"en_US\"}}" + TAIL));
    }

    @Test
    void aReactionNamesTheMessageAndTheEmoji() throws Exception {
        assertThat(sent(new Reaction("wamid.HBgLIN", "👍"), Optional.empty()))
                .isEqualTo(JSON.readTree(
                        HEAD + "\"type\":\"reaction\",\"reaction\":{\"message_id\":\"wamid.HBgLIN\",\"emoji\":\"👍\"}"
                                + TAIL));
    }

    @Test
    void aUsernameCustomerIsAddressedByRecipient() throws Exception {
        server.enqueue(new MockResponse(
                200, Headers.of("Content-Type", "application/json"), "{\"messages\":[{\"id\":\"wamid.OUT\"}]}"));
        sender.send(new OutboundMessage(
                ACCOUNT, "US.13491208655302741918", new Reaction("wamid.X", "❤"), Optional.empty(), Optional.empty()));

        JsonNode body =
                JSON.readTree(server.takeRequest(5, TimeUnit.SECONDS).getBody().utf8());
        assertThat(body.path("recipient").asText()).isEqualTo("US.13491208655302741918");
        assertThat(body.has("to")).isFalse();
    }

    @Test
    void aTwilioTemplateIsRefusedWithoutARequest() {
        SendOutcome outcome = sender.send(new OutboundMessage(
                ACCOUNT,
                TO,
                new TwilioTemplate("HX0123456789abcdef0123456789abcdef", Optional.empty()),
                Optional.empty(),
                Optional.empty()));

        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Failed.class, f -> {
            assertThat(f.code()).isEqualTo("unsupported");
            assertThat(f.retryable()).isFalse();
        });
        assertThat(server.getRequestCount()).isZero();
    }
}
