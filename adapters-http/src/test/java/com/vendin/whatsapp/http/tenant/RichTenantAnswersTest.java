package com.vendin.whatsapp.http.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.delivery.AgentOutcome;
import com.vendin.whatsapp.ports.delivery.AgentRequest;
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
import com.vendin.whatsapp.ports.delivery.OutboundContent.Text;
import com.vendin.whatsapp.ports.delivery.OutboundContent.TwilioTemplate;
import com.vendin.whatsapp.ports.delivery.TenantEndpoint;
import com.vendin.whatsapp.ports.inbound.MessageContent;
import com.vendin.whatsapp.ports.inbound.Role;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A tenant answering {@code {"messages":[...]}} (CONTRACT §3.1), read by the tenant client. */
class RichTenantAnswersTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private final MockWebServer tenant = new MockWebServer();
    private final OkHttpClient base = new OkHttpClient();
    private final SignedTenantClient client = new SignedTenantClient(
            base, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(2), Duration.ofSeconds(2));

    @BeforeEach
    void start() throws Exception {
        tenant.start();
    }

    @AfterEach
    void stop() {
        tenant.close();
        base.dispatcher().executorService().shutdown();
        base.connectionPool().evictAll();
    }

    private AgentOutcome answer(String json) {
        tenant.enqueue(new MockResponse.Builder()
                .code(200)
                .setHeader("Content-Type", "application/json")
                .body(json)
                .build());
        return client.deliver(
                new TenantEndpoint(
                        new TenantId("moda-brasil"), URI.create(tenant.url("/").toString()), new Secret("s")),
                new AgentRequest(
                        "wamid.IN",
                        new TenantId("moda-brasil"),
                        new PhoneNumber("+5511988887777"),
                        Role.CUSTOMER,
                        "+5511988887777",
                        MessageContent.text("oi"),
                        Optional.empty(),
                        NOW));
    }

    private String rejected(String json) {
        AgentOutcome outcome = answer(json);
        assertThat(outcome).isInstanceOf(AgentOutcome.Rejected.class);
        return ((AgentOutcome.Rejected) outcome).reason();
    }

    @Test
    void everyItemTypeIsRead() {
        AgentOutcome outcome = answer("{\"messages\":["
                + "{\"type\":\"text\",\"text\":\"Oi\"},"
                + "{\"type\":\"image\",\"url\":\"https://cdn.example/a.png\",\"caption\":\"Azul\"},"
                + "{\"type\":\"document\",\"url\":\"https://cdn.example/n.pdf\",\"filename\":\"n.pdf\"},"
                + "{\"type\":\"buttons\",\"text\":\"Quer?\",\"buttons\":[{\"id\":\"y\",\"title\":\"Sim\"}]},"
                + "{\"type\":\"list\",\"text\":\"Escolha\",\"button\":\"Ver\",\"sections\":[{\"title\":\"T\",\"rows\":"
                + "[{\"id\":\"r\",\"title\":\"R\",\"description\":\"d\"},{\"id\":\"s\",\"title\":\"S\"}]}]},"
                + "{\"type\":\"template\",\"name\":\"pedido\",\"language\":\"pt_BR\",\"components\":[{\"type\":\"body\"}]},"
                + "{\"type\":\"template\",\"contentSid\":\"HX0123456789abcdef0123456789abcdef\","
                + "\"contentVariables\":{\"1\":\"Ana\"}},"
                + "{\"type\":\"reaction\",\"messageId\":\"wamid.IN\",\"emoji\":\"👍\"}]}");

        List<OutboundContent> expected = List.of(
                new Text("Oi"),
                new Media(
                        MediaKind.IMAGE,
                        URI.create("https://cdn.example/a.png"),
                        Optional.of("Azul"),
                        Optional.empty()),
                new Media(
                        MediaKind.DOCUMENT,
                        URI.create("https://cdn.example/n.pdf"),
                        Optional.empty(),
                        Optional.of("n.pdf")),
                new Buttons("Quer?", List.of(new Button("y", "Sim"))),
                new ListMessage(
                        "Escolha",
                        "Ver",
                        List.of(new Section(
                                Optional.of("T"),
                                List.of(new Row("r", "R", Optional.of("d")), new Row("s", "S", Optional.empty()))))),
                new MetaTemplate("pedido", "pt_BR", Optional.of("[{\"type\":\"body\"}]")),
                new TwilioTemplate("HX0123456789abcdef0123456789abcdef", Optional.of("{\"1\":\"Ana\"}")),
                new Reaction("wamid.IN", "👍"));
        assertThat(outcome).isEqualTo(new AgentOutcome.Replied(Optional.empty(), expected));
    }

    @Test
    void aTextAnswerAndAnEmptyListStillMeanWhatTheyDid() {
        assertThat(answer("{\"text\":\"Oi\"}")).isEqualTo(new AgentOutcome.Replied(Optional.of("Oi")));
        assertThat(answer("{\"messages\":[]}")).isEqualTo(new AgentOutcome.Replied(Optional.empty()));
    }

    @Test
    void aMalformedItemRejectsTheWholeAnswerNamingIt() {
        assertThat(rejected("{\"messages\":{\"type\":\"text\"}}"))
                .isEqualTo("invalid_reply: messages must be an array");
        assertThat(rejected("{\"messages\":[{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"image\"}]}"))
                .isEqualTo("invalid_reply: message 2 (image): url is missing");
        assertThat(rejected("{\"messages\":[{\"type\":\"text\",\"text\":\"a\",\"txet\":\"b\"}]}"))
                .isEqualTo("invalid_reply: message 1 (text): unknown field txet");
        assertThat(
                        rejected(
                                "{\"messages\":[{\"type\":\"buttons\",\"text\":\"a\",\"buttons\":[{\"id\":1,\"title\":\"x\"}]}]}"))
                .isEqualTo("invalid_reply: message 1 (buttons): id must be a string");
        assertThat(rejected("{\"messages\":[{\"text\":\"a\"}]}"))
                .isEqualTo("invalid_reply: message 1: type is missing");
        assertThat(rejected("{\"messages\":[{\"type\":\"image\",\"url\":\"shirt.png\"}]}"))
                .isEqualTo("invalid_reply: message 1 (image): url must be an absolute http(s) URL");
        assertThat(rejected("{\"text\":\"a\",\"messages\":[]}"))
                .isEqualTo("invalid_reply: the answer has both text and messages; send one of them");
    }

    @Test
    void aMediaUrlMustBeHttpOrHttpsWithAHostAndIsNeverEchoed() {
        for (String url :
                List.of("file:///etc/passwd", "ftp://cdn.example/a.png", "gopher://cdn.example/a", "https:///a.png")) {
            assertThat(rejected("{\"messages\":[{\"type\":\"image\",\"url\":\"" + url + "\"}]}"))
                    .as(url)
                    .isEqualTo("invalid_reply: message 1 (image): url must be an absolute http(s) URL");
        }
        assertThat(rejected(
                        "{\"messages\":[{\"type\":\"image\",\"url\":\"https://shop:s3cr3t@cdn.example/a b.png\"}]}"))
                .isEqualTo("invalid_reply: message 1 (image): url is not a URL")
                .doesNotContain("s3cr3t");
        assertThat(answer("{\"messages\":[{\"type\":\"image\",\"url\":\"HTTPS://cdn.example/a.png\"}]}"))
                .isInstanceOf(AgentOutcome.Replied.class);
    }

    @Test
    void anEmptyTextBesideMessagesMeansNoTextAndTheMessagesGo() {
        String messages = "\"messages\":[{\"type\":\"text\",\"text\":\"Oi\"}]";
        for (String text : List.of("\"text\":\"\",", "\"text\":\"  \",", "\"text\":null,")) {
            assertThat(answer("{" + text + messages + "}"))
                    .as(text)
                    .isEqualTo(new AgentOutcome.Replied(Optional.empty(), List.of(new Text("Oi"))));
        }
        assertThat(rejected("{\"text\":\"Oi\"," + messages + "}"))
                .isEqualTo("invalid_reply: the answer has both text and messages; send one of them");
    }
}
