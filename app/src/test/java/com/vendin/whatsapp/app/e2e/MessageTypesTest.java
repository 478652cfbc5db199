package com.vendin.whatsapp.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vendin.whatsapp.app.support.Eventually;
import com.vendin.whatsapp.app.support.FakeGraph;
import com.vendin.whatsapp.app.support.FakeTenant;
import com.vendin.whatsapp.app.support.FakeTwilio;
import com.vendin.whatsapp.app.support.TestGateway;
import com.vendin.whatsapp.app.support.TwilioPayloads;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every inbound message type of both providers, posted as the provider does, reaches the tenant as its
 * CONTRACT §3 payload: {@code type}, {@code message}, and the details object named after the type.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessageTypesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String META_PHONE_ID = "100000000000009";
    private static final String META_STORE = "5511999933333";
    private static final String TWILIO_STORE = "+551140041234";
    private static final String CUSTOMER = "+5511987654321";
    private static final AtomicInteger IDS = new AtomicInteger();

    private FakeGraph graph;
    private FakeTwilio twilio;
    private FakeTenant store;
    private TestGateway gateway;

    /** One message as a provider sends it and what the tenant must receive. */
    record Case(
            String name, Function<String, Runnable> post, String type, String message, Map<String, Object> details) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        graph = new FakeGraph().start();
        twilio = new FakeTwilio().start();
        store = new FakeTenant().start().replyWith(body -> null);
        Map<String, String> env = TestGateway.environment(dir, graph.baseUrl(), twilio.baseUrl());
        env.put("GATEWAY_RATE_LIMIT_PER_MINUTE", "1000");
        gateway = TestGateway.start(env);
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

    @AfterAll
    void stop() {
        gateway.close();
        store.close();
        twilio.close();
        graph.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("metaCases")
    void metaMessageReachesTheTenantAsItsType(Case c) {
        check(c, "meta-store");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("twilioCases")
    void twilioMessageReachesTheTenantAsItsType(Case c) {
        check(c, "twilio-store");
    }

    private void check(Case c, String tenantId) {
        String id = (tenantId.startsWith("meta") ? "wamid.T" : "SM") + String.format("%032d", IDS.incrementAndGet());
        c.post().apply(id).run();

        Eventually.within(WAIT, "the tenant receives " + id, () -> call(id).isPresent());
        JsonNode body = call(id).orElseThrow();
        assertThat(body.path("tenantId").asText()).isEqualTo(tenantId);
        assertThat(body.path("from").asText()).isEqualTo(CUSTOMER);
        assertThat(body.path("type").asText()).isEqualTo(c.type());
        assertThat(body.path("message").asText()).isEqualTo(c.message());
        JsonNode details = body.path(c.type());
        if (c.details().isEmpty()) {
            assertThat(body.has(c.type()))
                    .as("no details object for " + c.type())
                    .isFalse();
        }
        c.details()
                .forEach((pointer, expected) -> assertThat(
                                details.at("/" + pointer).asText())
                        .as(c.type() + "." + pointer)
                        .isEqualTo(String.valueOf(expected).replace("{id}", id)));
    }

    private Optional<JsonNode> call(String messageId) {
        return store.calls().stream()
                .map(FakeTenant.Call::body)
                .filter(b -> b.path("messageId").asText().equals(messageId))
                .findFirst();
    }

    Stream<Case> metaCases() {
        return Stream.of(
                meta("text", "{\"body\":\"Olá, tem a camiseta azul?\"}", "text", "Olá, tem a camiseta azul?", Map.of()),
                meta(
                        "image",
                        "{\"caption\":\"Esta aqui\",\"mime_type\":\"image/jpeg\",\"sha256\":\"aGFzaA==\","
                                + "\"id\":\"1001\"}",
                        "image",
                        "Esta aqui",
                        Map.of(
                                "mediaId",
                                "1001",
                                "mimeType",
                                "image/jpeg",
                                "caption",
                                "Esta aqui",
                                "sha256",
                                "aGFzaA==")),
                meta(
                        "audio",
                        "{\"mime_type\":\"audio/ogg; codecs=opus\",\"sha256\":\"YQ==\",\"id\":\"1002\","
                                + "\"voice\":true}",
                        "audio",
                        "",
                        Map.of("mediaId", "1002", "mimeType", "audio/ogg; codecs=opus", "voice", true)),
                meta(
                        "video",
                        "{\"caption\":\"veja\",\"mime_type\":\"video/mp4\",\"sha256\":\"dg==\",\"id\":\"1003\"}",
                        "video",
                        "veja",
                        Map.of("mediaId", "1003", "mimeType", "video/mp4")),
                meta(
                        "document",
                        "{\"caption\":\"Nota fiscal\",\"filename\":\"nota.pdf\",\"mime_type\":\"application/pdf\","
                                + "\"sha256\":\"ZA==\",\"id\":\"1004\"}",
                        "document",
                        "Nota fiscal",
                        Map.of("mediaId", "1004", "filename", "nota.pdf", "mimeType", "application/pdf")),
                meta(
                        "sticker",
                        "{\"mime_type\":\"image/webp\",\"sha256\":\"cw==\",\"id\":\"1005\",\"animated\":false}",
                        "sticker",
                        "",
                        Map.of("mediaId", "1005", "mimeType", "image/webp", "animated", false)),
                meta(
                        "location",
                        "{\"latitude\":-23.5613,\"longitude\":-46.6565,\"name\":\"Loja Paulista\","
                                + "\"address\":\"Av. Paulista, 1000\"}",
                        "location",
                        "",
                        Map.of(
                                "latitude",
                                -23.5613,
                                "longitude",
                                -46.6565,
                                "name",
                                "Loja Paulista",
                                "address",
                                "Av. Paulista, 1000")),
                meta(
                        "contacts",
                        "[{\"name\":{\"formatted_name\":\"João Silva\",\"first_name\":\"João\"},"
                                + "\"phones\":[{\"phone\":\"+55 11 91234-5678\",\"wa_id\":\"5511912345678\",\"type\":\"CELL\"}]}]",
                        "contacts",
                        "",
                        Map.of(
                                "contacts/0/name/formatted_name",
                                "João Silva",
                                "contacts/0/phones/0/wa_id",
                                "5511912345678")),
                meta(
                        "interactive",
                        "{\"type\":\"button_reply\",\"button_reply\":{\"id\":\"confirm-order\","
                                + "\"title\":\"Confirmar\"}}",
                        "interactive",
                        "Confirmar",
                        Map.of("type", "button_reply", "id", "confirm-order", "title", "Confirmar")),
                metaNamed(
                        "interactive list reply",
                        "interactive",
                        "{\"type\":\"list_reply\",\"list_reply\":"
                                + "{\"id\":\"size-m\",\"title\":\"M\",\"description\":\"Médio\"}}",
                        "interactive",
                        "M",
                        Map.of("type", "list_reply", "id", "size-m", "title", "M", "description", "Médio")),
                meta(
                        "button",
                        "{\"payload\":\"DID_NOT_REQUEST_CODE\",\"text\":\"I didn't request a code\"}",
                        "button",
                        "I didn't request a code",
                        Map.of("payload", "DID_NOT_REQUEST_CODE", "text", "I didn't request a code")),
                meta(
                        "reaction",
                        "{\"message_id\":\"wamid.OUT1\",\"emoji\":\"👍\"}",
                        "reaction",
                        "",
                        Map.of("messageId", "wamid.OUT1", "emoji", "👍")),
                meta(
                        "unsupported",
                        "{\"type\":\"poll_update\"}",
                        "unsupported",
                        "",
                        Map.of("originalType", "unsupported", "errors/0/code", 131051, "original/type", "poll_update")),
                metaNamed(
                        "unknown type order",
                        "order",
                        "{\"catalog_id\":\"cat-1\",\"text\":\"pedido\","
                                + "\"product_items\":[{\"product_retailer_id\":\"sku-1\",\"quantity\":2}]}",
                        "unsupported",
                        "",
                        Map.of("originalType", "order", "original/catalog_id", "cat-1")));
    }

    Stream<Case> twilioCases() {
        return Stream.of(
                twilio(
                        "text",
                        p -> p.put("MessageType", "text").put("Body", "Olá, quero pedir 2 pizzas"),
                        "text",
                        "Olá, quero pedir 2 pizzas",
                        Map.of()),
                twilio(
                        "image",
                        p -> p.put("MessageType", "image")
                                .put("Body", "Esta aqui")
                                .media("image/jpeg", "ME01"),
                        "image",
                        "Esta aqui",
                        Map.of("mediaId", "ME01", "mimeType", "image/jpeg", "caption", "Esta aqui")),
                twilio(
                        "audio",
                        p -> p.put("MessageType", "audio").media("audio/ogg", "ME02"),
                        "audio",
                        "",
                        Map.of("mediaId", "ME02", "mimeType", "audio/ogg")),
                twilio(
                        "video",
                        p -> p.put("MessageType", "video").put("Body", "veja").media("video/mp4", "ME03"),
                        "video",
                        "veja",
                        Map.of("mediaId", "ME03", "mimeType", "video/mp4")),
                twilio(
                        "document",
                        p -> p.put("MessageType", "document")
                                .put("Body", "nota.pdf")
                                .media("application/pdf", "ME04"),
                        "document",
                        "nota.pdf",
                        Map.of("mediaId", "ME04", "mimeType", "application/pdf")),
                twilio(
                        "sticker",
                        p -> p.put("MessageType", "sticker").media("image/webp", "ME05"),
                        "sticker",
                        "",
                        Map.of("mediaId", "ME05", "mimeType", "image/webp")),
                twilio(
                        "location",
                        p -> p.put("MessageType", "location")
                                .put("Latitude", "-23.5613")
                                .put("Longitude", "-46.6565")
                                .put("Label", "Loja Paulista")
                                .put("Address", "Av. Paulista, 1000"),
                        "location",
                        "",
                        Map.of(
                                "latitude",
                                -23.5613,
                                "longitude",
                                -46.6565,
                                "name",
                                "Loja Paulista",
                                "address",
                                "Av. Paulista, 1000")),
                twilio(
                        "contacts",
                        p -> p.media("text/vcard", "ME06"),
                        "contacts",
                        "",
                        Map.of(
                                "mimeType",
                                "text/vcard",
                                "vcardUrl",
                                "https://api.twilio.com/2010-04-01/Accounts/" + TwilioPayloads.MAIN_ACCOUNT_SID
                                        + "/Messages/" + "{id}/Media/ME06")),
                twilio(
                        "interactive",
                        p -> p.put("MessageType", "interactive")
                                .put("Body", "Confirmar")
                                .put("ButtonPayload", "confirm-order")
                                .put("ButtonText", "Confirmar"),
                        "interactive",
                        "Confirmar",
                        Map.of("type", "button_reply", "id", "confirm-order", "title", "Confirmar")),
                twilioNamed(
                        "interactive list reply",
                        p -> p.put("MessageType", "interactive")
                                .put("Body", "M")
                                .put("ListId", "size-m")
                                .put("ListTitle", "M"),
                        "interactive",
                        "M",
                        Map.of("type", "list_reply", "id", "size-m", "title", "M")),
                twilio(
                        "button",
                        p -> p.put("MessageType", "button")
                                .put("Body", "Sim, confirmo")
                                .put("ButtonPayload", "yes-confirm")
                                .put("ButtonText", "Sim, confirmo"),
                        "button",
                        "Sim, confirmo",
                        Map.of("payload", "yes-confirm", "text", "Sim, confirmo")),
                twilio(
                        "reaction",
                        p -> p.put("MessageType", "reaction")
                                .put("Body", "👍")
                                .put("OriginalRepliedMessageSid", "SM11111111111111111111111111111111"),
                        "reaction",
                        "",
                        Map.of("emoji", "👍", "messageId", "SM11111111111111111111111111111111")),
                twilio(
                        "unsupported",
                        p -> p.put("MessageType", "unknown"),
                        "unsupported",
                        "",
                        Map.of("originalType", "unknown", "fields/WaId", "5511987654321")),
                twilioNamed(
                        "unknown type poll",
                        p -> p.put("MessageType", "poll").put("Body", "Qual cor?"),
                        "unsupported",
                        "Qual cor?",
                        Map.of("originalType", "poll", "fields/Body", "Qual cor?")));
    }

    private Case meta(String type, String typeJson, String expectedType, String message, Map<String, Object> details) {
        return metaNamed(type, type, typeJson, expectedType, message, details);
    }

    private Case metaNamed(
            String name,
            String type,
            String typeJson,
            String expectedType,
            String message,
            Map<String, Object> details) {
        Function<String, Runnable> post = id -> () -> {
            ObjectNode item = JSON.createObjectNode();
            item.put("from", CUSTOMER.substring(1))
                    .put("id", id)
                    .put("timestamp", "1795000000")
                    .put("type", type);
            item.set(type, read(typeJson));
            if (type.equals("unsupported")) {
                item.set(
                        "errors",
                        read(
                                "[{\"code\":131051,\"title\":\"Message type unknown\",\"message\":"
                                        + "\"Message type unknown\",\"error_data\":{\"details\":\"Message type is currently not supported.\"}}]"));
            }
            ObjectNode root = JSON.createObjectNode().put("object", "whatsapp_business_account");
            ObjectNode value = root.putArray("entry")
                    .addObject()
                    .put("id", "310000000000001")
                    .putArray("changes")
                    .addObject()
                    .put("field", "messages")
                    .putObject("value");
            value.put("messaging_product", "whatsapp");
            value.putObject("metadata").put("display_phone_number", META_STORE).put("phone_number_id", META_PHONE_ID);
            value.putArray("contacts")
                    .addObject()
                    .put("wa_id", CUSTOMER.substring(1))
                    .putObject("profile")
                    .put("name", "Ana");
            value.putArray("messages").add(item);
            assertThat(gateway.postMetaWebhook(root.toString()).code()).isEqualTo(200);
        };
        return new Case("meta " + name, post, expectedType, message, details);
    }

    private Case twilio(
            String type,
            Function<TwilioPayloads, TwilioPayloads> fill,
            String expectedType,
            String message,
            Map<String, Object> details) {
        return twilioNamed(type, fill, expectedType, message, details);
    }

    private Case twilioNamed(
            String name,
            Function<TwilioPayloads, TwilioPayloads> fill,
            String expectedType,
            String message,
            Map<String, Object> details) {
        Function<String, Runnable> post = id -> () -> {
            TwilioPayloads payload =
                    fill.apply(TwilioPayloads.message(id, CUSTOMER, TWILIO_STORE, TwilioPayloads.MAIN_ACCOUNT_SID));
            assertThat(gateway.postTwilioWebhook(payload, TestGateway.TWILIO_MAIN_TOKEN)
                            .code())
                    .isEqualTo(200);
        };
        return new Case("twilio " + name, post, expectedType, message, details);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
