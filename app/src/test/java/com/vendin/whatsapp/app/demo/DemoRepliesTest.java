package com.vendin.whatsapp.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.vendin.whatsapp.app.support.Eventually;
import com.vendin.whatsapp.app.support.HttpResult;
import com.vendin.whatsapp.app.support.MetaPayloads;
import com.vendin.whatsapp.app.support.TestGateway;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo in process, driven by signed Meta webhooks over HTTP: Moda Brasil's rich reply passes the gateway's
 * media check on the photo the demo serves and reaches the sandbox as text, image and buttons; Tech Store's agent
 * answers late through the signed send API, in reply to the customer's message.
 */
class DemoRepliesTest {
    @TempDir
    Path dir;

    private TestGateway gateway;

    @BeforeEach
    void start() {
        Map<String, String> env = TestGateway.environment(dir, "http://127.0.0.1:9");
        env.put("GATEWAY_TYPING_INDICATOR", "false");
        gateway = TestGateway.start(env, new DemoModule());
        DemoSeed.seed(gateway.gateway());
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    private List<JsonNode> outboxTo(String digits) {
        List<JsonNode> items = new ArrayList<>();
        gateway.get(DemoRoutes.OUTBOX).json().path("items").forEach(item -> {
            if (item.path("to").asText().replaceAll("[^0-9]", "").equals(digits)) {
                items.add(item);
            }
        });
        return items;
    }

    @Test
    void givenDemoWhenProductPhotoFetchedThenSmallPngWithLength() {
        HttpResult photo = gateway.get(DemoRoutes.PRODUCTS + "camiseta-azul.png");
        HttpResult missing = gateway.get(DemoRoutes.PRODUCTS + "nada.png");
        HttpResult escape = gateway.get(DemoRoutes.PRODUCTS + "..%2Flogback.xml");

        assertThat(photo.code()).isEqualTo(200);
        assertThat(photo.contentType()).isEqualTo("image/png");
        assertThat(missing.code()).isEqualTo(404);
        assertThat(escape.code()).isEqualTo(404);
    }

    @Test
    void givenModaBrasilCustomerWhenWritesThenOutboxHasTextPhotoAndButtonsInOrder() {
        HttpResult webhook = gateway.postMetaWebhook(MetaPayloads.webhook()
                .text("100000000000001", "5511999911111", "5511988887777", "wamid.MODA1", "Olá")
                .json());
        assertThat(webhook.code()).isEqualTo(200);

        Eventually.within(
                Duration.ofSeconds(20),
                "three parts in the outbox",
                () -> outboxTo("5511988887777").size() >= 3);
        List<JsonNode> parts = outboxTo("5511988887777");
        assertThat(parts).extracting(p -> p.path("type").asText()).containsExactly("text", "image", "buttons");
        assertThat(parts.get(0).path("text").asText()).startsWith("Moda Brasil aqui! Recebemos \"Olá\".");
        assertThat(parts.get(1).path("text").asText())
                .isEqualTo(
                        "[image] Camiseta azul - R$ 49,90 (" + gateway.baseUrl() + "/demo/products/camiseta-azul.png)");
        assertThat(parts.get(2).path("text").asText())
                .isEqualTo("[buttons] Quer levar a camiseta azul?: Comprar | Ver cores");
        assertThat(parts).allSatisfy(p -> assertThat(p.path("from").asText()).isEqualTo("100000000000001"));
        assertThat(parts)
                .allSatisfy(p -> assertThat(p.path("via").isMissingNode()).isTrue());
        assertThat(parts).allSatisfy(p -> assertThat(p.path("part").asText()).matches("out-[0-9]+"));
    }

    @Test
    void givenTechStoreCustomerWhenWritesThenAgentRepliesLateThroughSendApiWithReplyTo() {
        Instant written = Instant.now();
        HttpResult webhook = gateway.postMetaWebhook(MetaPayloads.webhook()
                .text("100000000000002", "5511999922222", "5511955554444", "wamid.TECH1", "Tem fone bluetooth?")
                .json());
        assertThat(webhook.code()).isEqualTo(200);

        Eventually.within(
                Duration.ofSeconds(20),
                "the late reply in the outbox",
                () -> !outboxTo("5511955554444").isEmpty());
        List<JsonNode> parts = outboxTo("5511955554444");
        assertThat(parts).hasSize(1);
        JsonNode reply = parts.get(0);
        assertThat(reply.path("text").asText()).startsWith("Tech Store: recebemos \"Tem fone bluetooth?\"");
        assertThat(reply.path("from").asText()).isEqualTo("100000000000002");
        assertThat(Instant.parse(reply.path("sentAt").asText()))
                .isAfterOrEqualTo(written.plus(LateReplies.DELAY).minusMillis(200));
        Eventually.within(
                Duration.ofSeconds(5),
                "the outbox marks the send API reply",
                () -> outboxTo("5511955554444").get(0).path("via").asText().equals(DemoRoutes.VIA_SEND_API));
        assertThat(outboxTo("5511955554444").get(0).path("replyTo").asText()).isEqualTo("wamid.TECH1");
        JsonNode messages = gateway.admin("GET", "/api/v1/tenants/tech-store/messages", null)
                .json();
        assertThat(messages.toString())
                .contains("wamid.TECH1")
                .contains(reply.path("part").asText());
    }
}
