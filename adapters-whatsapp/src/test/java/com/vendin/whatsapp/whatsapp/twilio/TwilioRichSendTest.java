package com.vendin.whatsapp.whatsapp.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.delivery.MediaKind;
import com.vendin.whatsapp.ports.delivery.OutboundContent;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Button;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Buttons;
import com.vendin.whatsapp.ports.delivery.OutboundContent.ListMessage;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Media;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Reaction;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Row;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Section;
import com.vendin.whatsapp.ports.delivery.OutboundContent.TwilioTemplate;
import com.vendin.whatsapp.ports.delivery.OutboundMessage;
import com.vendin.whatsapp.ports.delivery.SendOutcome;
import com.vendin.whatsapp.ports.delivery.SenderAccount;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.whatsapp.http.HttpClients;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each rich reply item rendered to the Twilio Messages form of docs/PROVIDERS.md §2.4 and Twilio's "Messages resource" and "Content API" docs. */
class TwilioRichSendTest {
    private static final String SID = "AC0123456789abcdef0123456789abcdef";
    private static final SenderAccount ACCOUNT =
            SenderAccount.twilio(new PhoneNumber("+551140045678"), SID, new Secret("auth-token"));
    private static final String TO = "whatsapp:+5511987654321";

    private final MockWebServer server = new MockWebServer();
    private TwilioSender sender;

    @BeforeEach
    void start() throws Exception {
        server.start();
        sender = new TwilioSender(
                HttpClients.standard(),
                server.url("/").toString(),
                Optional.of("https://gw.example.com/webhooks/whatsapp/twilio"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Map<String, String> form(OutboundContent content) throws Exception {
        server.enqueue(new MockResponse(
                201,
                Headers.of("Content-Type", "application/json"),
                "{\"sid\":\"SM0123456789abcdef0123456789abcdef\",\"status\":\"queued\"}"));
        SendOutcome outcome =
                sender.send(new OutboundMessage(ACCOUNT, TO, content, Optional.empty(), Optional.of("wg-part-9")));
        assertThat(outcome).isEqualTo(new SendOutcome.Accepted("SM0123456789abcdef0123456789abcdef"));
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request.getRequestLine()).isEqualTo("POST /2010-04-01/Accounts/" + SID + "/Messages.json HTTP/1.1");
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : request.getBody().utf8().split("&")) {
            int eq = pair.indexOf('=');
            fields.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        assertThat(fields)
                .containsEntry("From", "whatsapp:+551140045678")
                .containsEntry("To", TO)
                .containsEntry(
                        "StatusCallback", "https://gw.example.com/webhooks/whatsapp/twilio?gatewayPart=wg-part-9");
        fields.remove("From");
        fields.remove("To");
        fields.remove("StatusCallback");
        return fields;
    }

    @Test
    void mediaGoesAsMediaUrlForTwilioToFetchWithTheCaptionAsBody() throws Exception {
        assertThat(form(new Media(
                        MediaKind.IMAGE,
                        URI.create("https://cdn.example/a.png"),
                        Optional.of("Azul"),
                        Optional.empty())))
                .containsExactly(Map.entry("Body", "Azul"), Map.entry("MediaUrl", "https://cdn.example/a.png"));
        assertThat(form(new Media(
                        MediaKind.DOCUMENT,
                        URI.create("https://cdn.example/n.pdf"),
                        Optional.empty(),
                        Optional.of("nota.pdf"))))
                .as("Twilio sets no filename for documents")
                .containsExactly(Map.entry("MediaUrl", "https://cdn.example/n.pdf"));
    }

    @Test
    void aContentTemplateGoesAsContentSidAndContentVariables() throws Exception {
        assertThat(form(new TwilioTemplate("HX0123456789abcdef0123456789abcdef", Optional.of("{\"1\":\"123456\"}"))))
                .containsExactly(
                        Map.entry("ContentSid", "HX0123456789abcdef0123456789abcdef"),
                        Map.entry("ContentVariables", "{\"1\":\"123456\"}"));
    }

    @Test
    void buttonsAndListsGoAsTheirTextWithTheChoicesNumbered() throws Exception {
        assertThat(form(new Buttons("Quer comprar?", List.of(new Button("buy", "Comprar"), new Button("no", "Não")))))
                .containsExactly(Map.entry("Body", "Quer comprar?\n\n1. Comprar\n2. Não"));
        assertThat(form(new ListMessage(
                        "Escolha",
                        "Ver",
                        List.of(
                                new Section(
                                        Optional.of("Camisetas"), List.of(new Row("p", "P", Optional.of("Até 60 kg")))),
                                new Section(Optional.of("Calças"), List.of(new Row("38", "38", Optional.empty())))))))
                .containsExactly(Map.entry("Body", "Escolha\n\n*Camisetas*\n1. P - Até 60 kg\n\n*Calças*\n2. 38"));
    }

    @Test
    void aReactionIsRefusedWithoutARequest() {
        SendOutcome outcome = sender.send(
                new OutboundMessage(ACCOUNT, TO, new Reaction("SM1", "👍"), Optional.empty(), Optional.empty()));

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        SendOutcome.Failed.class, f -> assertThat(f.code()).isEqualTo("unsupported"));
        assertThat(server.getRequestCount()).isZero();
    }
}
