package com.vendin.whatsapp.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.vendin.whatsapp.http.support.Json;
import com.vendin.whatsapp.http.support.TestServer;
import com.vendin.whatsapp.http.support.TestServer.Reply;
import com.vendin.whatsapp.ports.delivery.MediaKind;
import com.vendin.whatsapp.ports.delivery.OutboundContent;
import com.vendin.whatsapp.ports.query.InboundMedia;
import com.vendin.whatsapp.ports.query.MessageDetail;
import com.vendin.whatsapp.ports.query.MessageView;
import com.vendin.whatsapp.ports.query.ServiceWindow;
import com.vendin.whatsapp.ports.query.UnroutableView;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MessagesApiTest {
    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

    private final TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void givenATenantWithMessagesWhenListedThenItemsCarryIdsStatesAndIsoTimes() {
        server.messages.put(
                new TenantId("moda"),
                List.of(
                        new MessageView(
                                "out-7",
                                "outbound",
                                "+5511911110000",
                                "5511988887777",
                                "text",
                                "Sim, temos!",
                                "failed",
                                Optional.of("wamid.OUT"),
                                Optional.of("customer"),
                                Optional.of("+5511988887777"),
                                Optional.of("in-3"),
                                Optional.of("131047"),
                                2,
                                Optional.empty(),
                                T0.plusSeconds(5),
                                T0.plusSeconds(9)),
                        new MessageView(
                                "in-3",
                                "inbound",
                                "5511988887777",
                                "5511911110000",
                                "text",
                                "Tem azul?",
                                "replied",
                                Optional.of("wamid.IN"),
                                Optional.of("customer"),
                                Optional.of("+5511988887777"),
                                Optional.empty(),
                                Optional.empty(),
                                1,
                                Optional.of(T0),
                                T0,
                                T0.plusSeconds(9))));

        Reply reply = server.admin("GET", "/api/v1/tenants/moda/messages?limit=10", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(server.messages.lastLimit()).isEqualTo(10);
        JsonNode items = Json.parse(reply.body()).path("items");
        assertThat(items).hasSize(2);
        JsonNode out = items.get(0);
        assertThat(out.path("id").asText()).isEqualTo("out-7");
        assertThat(out.path("direction").asText()).isEqualTo("outbound");
        assertThat(out.path("state").asText()).isEqualTo("failed");
        assertThat(out.path("errorCode").asText()).isEqualTo("131047");
        assertThat(out.path("inReplyTo").asText()).isEqualTo("in-3");
        assertThat(out.path("providerTimestamp").isNull()).isTrue();
        assertThat(out.path("updatedAt").asText()).isEqualTo("2026-11-24T12:00:09Z");
        JsonNode in = items.get(1);
        assertThat(in.path("id").asText()).isEqualTo("in-3");
        assertThat(in.path("providerMessageId").asText()).isEqualTo("wamid.IN");
        assertThat(in.path("providerTimestamp").asText()).isEqualTo("2026-11-24T12:00:00Z");
        assertThat(in.path("text").asText()).isEqualTo("Tem azul?");
    }

    @Test
    void givenRichPartsAndAMediaMessageWhenListedThenTypesContentMediaAndWindowAreShownWithoutProviderUrls() {
        ServiceWindow open = new ServiceWindow(T0.plusSeconds(86_400), true);
        MessageDetail buttons = new MessageDetail(
                Optional.of(new OutboundContent.Buttons(
                        "Quer comprar?", List.of(new OutboundContent.Button("buy", "Comprar")))),
                false,
                Optional.empty(),
                Optional.empty(),
                Optional.of(T0),
                Optional.of(open));
        MessageDetail image = buttons.withContent(Optional.of(new OutboundContent.Media(
                MediaKind.IMAGE,
                URI.create("https://user:pass@loja.example:8443/c/azul.png?v=2"),
                Optional.of("Azul"),
                Optional.empty())));
        MessageDetail template = new MessageDetail(
                Optional.of(new OutboundContent.MetaTemplate(
                        "pedido_enviado",
                        "pt_BR",
                        Optional.of("[{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"42\"}]}]"))),
                true,
                Optional.of("wamid.IN"),
                Optional.empty(),
                Optional.of(T0),
                Optional.of(new ServiceWindow(T0.plusSeconds(86_400), false)));
        MessageDetail photo = new MessageDetail(
                Optional.empty(),
                false,
                Optional.empty(),
                Optional.of(new InboundMedia(
                        Optional.of("1420539718966254"),
                        Optional.of("image/jpeg"),
                        Optional.of("Tem azul?"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(URI.create("http://gw.example/media/tok")))),
                Optional.of(T0),
                Optional.of(open));
        server.messages.put(
                new TenantId("moda"),
                List.of(
                        view("out-3", "outbound", "template", template),
                        view("out-2", "outbound", "buttons", buttons),
                        view("out-1", "outbound", "image", image),
                        view("in-1", "inbound", "image", photo)));

        JsonNode items = Json.parse(server.admin("GET", "/api/v1/tenants/moda/messages", null)
                        .body())
                .path("items");

        JsonNode sent = items.get(0);
        assertThat(sent.path("type").asText()).isEqualTo("template");
        assertThat(sent.path("tenantInitiated").asBoolean()).isTrue();
        assertThat(sent.path("replyTo").asText()).isEqualTo("wamid.IN");
        assertThat(sent.path("content"))
                .isEqualTo(
                        Json.parse(
                                "{\"name\":\"pedido_enviado\",\"language\":\"pt_BR\","
                                        + "\"components\":[{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"42\"}]}]}"));
        assertThat(sent.path("window")).isEqualTo(Json.parse("{\"open\":false,\"until\":\"2026-11-25T12:00:00Z\"}"));
        assertThat(items.get(1).path("content"))
                .isEqualTo(Json.parse(
                        "{\"text\":\"Quer comprar?\",\"buttons\":[{\"id\":\"buy\",\"title\":\"Comprar\"}]}"));
        assertThat(items.get(1).path("tenantInitiated").asBoolean()).isFalse();
        assertThat(items.get(1).path("replyTo").isNull()).isTrue();
        assertThat(items.get(1).path("media").isNull()).isTrue();
        assertThat(items.get(2).path("content"))
                .as("no user-info of the URL is shown")
                .isEqualTo(Json.parse("{\"url\":\"https://loja.example:8443/c/azul.png?v=2\",\"caption\":\"Azul\"}"));
        JsonNode in = items.get(3);
        assertThat(in.path("content").isNull()).isTrue();
        assertThat(in.path("media"))
                .isEqualTo(Json.parse("{\"mediaId\":\"1420539718966254\",\"mimeType\":"
                        + "\"image/jpeg\",\"caption\":\"Tem azul?\",\"url\":\"http://gw.example/media/tok\"}"));
        assertThat(in.path("window").path("open").asBoolean()).isTrue();
    }

    @Test
    void givenAMessageWithoutDetailWhenListedThenTheNewFieldsAreNull() {
        server.messages.put(new TenantId("moda"), List.of(view("in-1", "inbound", "text", MessageDetail.NONE)));

        JsonNode item = Json.parse(server.admin("GET", "/api/v1/tenants/moda/messages", null)
                        .body())
                .at("/items/0");

        for (String field : List.of("content", "media", "window", "replyTo")) {
            assertThat(item.has(field)).as(field).isTrue();
            assertThat(item.path(field).isNull()).as(field).isTrue();
        }
        assertThat(item.path("tenantInitiated").asBoolean()).isFalse();
    }

    private static MessageView view(String id, String direction, String type, MessageDetail detail) {
        return new MessageView(
                id,
                direction,
                "+5511911110000",
                "5511988887777",
                type,
                "",
                "sent",
                Optional.empty(),
                Optional.of("customer"),
                Optional.of("+5511988887777"),
                Optional.empty(),
                Optional.empty(),
                1,
                Optional.empty(),
                T0,
                T0,
                Optional.empty(),
                Optional.empty(),
                detail);
    }

    @Test
    void givenNoLimitWhenListedThenFiftyIsAsked() {
        server.messages.put(new TenantId("moda"), List.of());

        Reply reply = server.admin("GET", "/api/v1/tenants/moda/messages", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(Json.parse(reply.body()).path("items").isArray()).isTrue();
        assertThat(server.messages.lastLimit()).isEqualTo(50);
    }

    @Test
    void givenALimitThatIsNotANumberWhenListedThen400InvalidLimit() {
        server.messages.put(new TenantId("moda"), List.of());

        for (String path : List.of(
                "/api/v1/tenants/moda/messages?limit=abc",
                "/api/v1/unroutable?limit=1.5",
                "/api/v1/unroutable?limit=")) {
            Reply reply = server.admin("GET", path, null);
            assertThat(reply.status()).as(path).isEqualTo(400);
            assertThat(Json.parse(reply.body()).at("/error/code").asText()).isEqualTo("invalid_limit");
        }
    }

    @Test
    void givenNoSuchTenantWhenItsMessagesAreListedThen404() {
        Reply reply = server.admin("GET", "/api/v1/tenants/ghost/messages", null);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(Json.parse(reply.body()).at("/error/code").asText()).isEqualTo("tenant_not_found");
    }

    @Test
    void givenUnroutableMessagesWhenListedThenItemsCarryTheReason() {
        server.messages.unroutable(List.of(new UnroutableView(
                "in-9",
                "facebook",
                "wamid.X",
                "5511977776666",
                "5511900000000",
                Optional.of("520000000000002"),
                "unknown_store_number",
                "text",
                "oi",
                T0,
                T0.plusSeconds(1))));

        Reply reply = server.admin("GET", "/api/v1/unroutable?limit=5", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(server.messages.lastLimit()).isEqualTo(5);
        JsonNode item = Json.parse(reply.body()).path("items").get(0);
        assertThat(item.path("id").asText()).isEqualTo("in-9");
        assertThat(item.path("reason").asText()).isEqualTo("unknown_store_number");
        assertThat(item.path("phoneId").asText()).isEqualTo("520000000000002");
        assertThat(item.path("receivedAt").asText()).isEqualTo("2026-11-24T12:00:01Z");
    }
}
