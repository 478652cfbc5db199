package com.vendin.whatsapp.app.e2e;

import static com.vendin.whatsapp.app.support.RichConversation.byProviderId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vendin.whatsapp.app.support.AdminCalls;
import com.vendin.whatsapp.app.support.Eventually;
import com.vendin.whatsapp.app.support.FakeGraph;
import com.vendin.whatsapp.app.support.FakeMediaHost;
import com.vendin.whatsapp.app.support.FakeTenant;
import com.vendin.whatsapp.app.support.RichConversation;
import com.vendin.whatsapp.app.support.TestGateway;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The messages API (CONTRACT §5.4) over real HTTP shows what rich traffic is: a rich reply's parts with their type
 * and item, a tenant-initiated template with its {@code replyTo}, a customer's photo with its media object (the
 * gateway's link, never Meta's URL), and each customer thread's 24-hour window, open for a customer who wrote now
 * and closed for one who wrote 25 hours ago (by the provider timestamps of their webhooks).
 */
class RichMessagesApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private FakeGraph graph;
    private FakeTenant tenant;
    private FakeMediaHost media;
    private TestGateway gateway;
    private RichConversation conversation;

    @BeforeEach
    void start() throws Exception {
        graph = new FakeGraph().start();
        media = new FakeMediaHost().start();
        tenant = new FakeTenant().start();
        gateway = TestGateway.start(TestGateway.environment(dir, graph.baseUrl()));
        conversation = RichConversation.prepare(gateway, graph, tenant, media);
    }

    @AfterEach
    void stop() {
        gateway.close();
        tenant.close();
        media.close();
        graph.close();
    }

    @Test
    void givenARichReplyAPhotoAndATenantTemplateWhenListedThenEachShowsItsTypeContentMediaAndTheThreadsWindow()
            throws Exception {
        conversation.play();
        String templateId = conversation.templateToBia();

        List<JsonNode> items = AdminCalls.messages(gateway, RichConversation.TENANT);

        String askId = byProviderId(items, "wamid.ASK").path("id").asText();
        List<JsonNode> reply = items.stream()
                .filter(m -> m.path("inReplyTo").asText().equals(askId))
                .sorted((a, b) -> a.path("id").asText().compareTo(b.path("id").asText()))
                .toList();
        assertThat(reply).extracting(m -> m.path("type").asText()).containsExactly("text", "image", "buttons");
        assertThat(reply).allSatisfy(part -> {
            assertThat(part.path("direction").asText()).isEqualTo("outbound");
            assertThat(part.path("tenantInitiated").asBoolean()).isFalse();
            assertThat(part.path("replyTo").isNull()).isTrue();
            assertThat(part.path("media").isNull()).isTrue();
        });
        assertThat(reply.get(0).path("content")).isEqualTo(JSON.readTree("{\"text\":\"Temos sim!\"}"));
        assertThat(reply.get(1).path("content"))
                .isEqualTo(
                        JSON.readTree("{\"url\":\"" + conversation.imageUrl() + "\",\"caption\":\"Camiseta azul\"}"));
        assertThat(reply.get(2).path("content"))
                .isEqualTo(JSON.readTree("{\"text\":\"Quer comprar?\",\"buttons\":["
                        + "{\"id\":\"buy\",\"title\":\"Comprar\"},{\"id\":\"later\",\"title\":\"Agora não\"}]}"));

        JsonNode template = items.stream()
                .filter(m -> m.path("id").asText().equals(templateId))
                .findFirst()
                .orElseThrow();
        assertThat(template.path("type").asText()).isEqualTo("template");
        assertThat(template.path("tenantInitiated").asBoolean()).isTrue();
        assertThat(template.path("replyTo").asText()).isEqualTo("wamid.BIA");
        assertThat(template.path("inReplyTo").asText())
                .isEqualTo(byProviderId(items, "wamid.BIA").path("id").asText());
        assertThat(template.path("content"))
                .isEqualTo(
                        JSON.readTree(
                                "{\"name\":\"pedido_enviado\",\"language\":"
                                        + "\"pt_BR\",\"components\":[{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"42\"}]}]}"));

        Eventually.within(
                Duration.ofSeconds(10),
                "the store is told its template was sent",
                () -> tenant.statusCalls().stream()
                        .anyMatch(c -> c.body().path("messageId").asText().equals(templateId)));
        assertThat(tenant.statusCalls())
                .filteredOn(c -> c.body().path("messageId").asText().equals(templateId))
                .allSatisfy(c -> assertThat(c.body().path("replyTo").asText())
                        .as("a tenant-initiated part's statuses carry the replyTo it was sent with (CONTRACT §3.4)")
                        .isEqualTo("wamid.BIA"));

        JsonNode photo = byProviderId(items, "wamid.PHOTO");
        assertThat(photo.path("type").asText()).isEqualTo("image");
        assertThat(photo.path("content").isNull()).isTrue();
        JsonNode photoMedia = photo.path("media");
        assertThat(photoMedia.path("mediaId").asText()).isEqualTo(RichConversation.PHOTO_MEDIA_ID);
        assertThat(photoMedia.path("mimeType").asText()).isEqualTo("image/jpeg");
        assertThat(photoMedia.path("caption").asText()).isEqualTo("Essa aqui?");
        String link = photoMedia.path("url").asText();
        assertThat(link).startsWith("http://localhost:" + gateway.gateway().port() + "/media/");
        assertThat(TestGateway.execute(new Request.Builder()
                                .url(link.replace("localhost", "127.0.0.1"))
                                .get()
                                .build())
                        .code())
                .as("the link is signed by the gateway (403 would be forged or expired)")
                .isNotEqualTo(403);
        assertThat(gateway.admin("GET", "/api/v1/tenants/" + RichConversation.TENANT + "/messages", null)
                        .body())
                .as("the provider's own media URL is never shown")
                .doesNotContain("lookaside")
                .doesNotContain("sha256");

        Instant anaWrote = Instant.parse(photo.path("providerTimestamp").asText());
        for (JsonNode m : items.stream()
                .filter(m -> m.path("threadId").asText().equals("+" + RichConversation.ANA))
                .toList()) {
            assertThat(m.path("window").path("open").asBoolean())
                    .as(m.path("id").asText())
                    .isTrue();
            assertThat(Instant.parse(m.path("window").path("until").asText()))
                    .as(m.path("id").asText())
                    .isEqualTo(anaWrote.plus(Duration.ofHours(24)));
        }
        for (JsonNode m : items.stream()
                .filter(m -> m.path("threadId").asText().equals("+" + RichConversation.BIA))
                .toList()) {
            assertThat(m.path("window").path("open").asBoolean())
                    .as(m.path("id").asText())
                    .isFalse();
            assertThat(Instant.parse(m.path("window").path("until").asText())).isBefore(Instant.now());
        }
        assertThat(items)
                .filteredOn(m -> m.path("threadId").asText().equals("+" + RichConversation.BIA))
                .hasSize(2);
    }
}
