package com.vendin.whatsapp.http.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.vendin.whatsapp.http.support.Json;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.delivery.AgentRequest;
import com.vendin.whatsapp.ports.delivery.TenantEndpoint;
import com.vendin.whatsapp.ports.inbound.MessageContent;
import com.vendin.whatsapp.ports.inbound.Role;
import com.vendin.whatsapp.ports.media.MediaReference;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code url} of inbound media in the tenant payload (CONTRACT §3.3), next to the fields it already had. */
class TenantMediaLinksTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private final MockWebServer tenant = new MockWebServer();
    private final List<MediaReference> linked = new CopyOnWriteArrayList<>();
    private final SignedTenantClient client =
            new SignedTenantClient(new OkHttpClient(), Clock.fixed(NOW, ZoneOffset.UTC), reference -> {
                linked.add(reference);
                return Optional.of(URI.create("https://gw.example.com/media/tok" + linked.size()));
            });

    @BeforeEach
    void start() throws Exception {
        tenant.start();
    }

    @AfterEach
    void stop() {
        tenant.close();
    }

    @Test
    void givenMetaImageWhenDeliveredThenTheImageCarriesItsLinkAndKeepsItsFields() throws Exception {
        JsonNode body = deliver(
                Role.CUSTOMER, "image", "{\"mediaId\":\"1420\",\"mimeType\":\"image/jpeg\",\"caption\":\"Azul?\"}");

        assertThat(body.at("/image/url").asText()).isEqualTo("https://gw.example.com/media/tok1");
        assertThat(body.at("/image/mediaId").asText()).isEqualTo("1420");
        assertThat(body.at("/image/mimeType").asText()).isEqualTo("image/jpeg");
        assertThat(body.at("/image/caption").asText()).isEqualTo("Azul?");
        assertThat(linked)
                .containsExactly(
                        new MediaReference(new TenantId("moda-brasil"), "wamid.M1", Provider.FACEBOOK, false, "1420"));
    }

    @Test
    void givenAdminsTwilioDocumentWhenDeliveredThenLinkedByItsMediaUrlOnThePlatformNumber() throws Exception {
        String mediaUrl = "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1";
        JsonNode body = deliver(
                Role.ADMIN,
                "document",
                "{\"mediaId\":\"ME1\",\"mediaUrl\":\"" + mediaUrl + "\",\"mimeType\":\"application/pdf\"}");

        assertThat(body.at("/document/url").asText()).isEqualTo("https://gw.example.com/media/tok1");
        assertThat(body.at("/document/mediaUrl").asText()).isEqualTo(mediaUrl);
        assertThat(linked)
                .containsExactly(
                        new MediaReference(new TenantId("moda-brasil"), "wamid.M1", Provider.TWILIO, true, mediaUrl));
    }

    @Test
    void givenLocationOrMediaWithoutReferenceWhenDeliveredThenNoLink() throws Exception {
        JsonNode location = deliver(Role.CUSTOMER, "location", "{\"latitude\":-23.5,\"longitude\":-46.6}");
        JsonNode sticker = deliver(Role.CUSTOMER, "sticker", "{\"mimeType\":\"image/webp\"}");

        assertThat(location.path("location").has("url")).isFalse();
        assertThat(sticker.path("sticker").has("url")).isFalse();
        assertThat(linked).isEmpty();
    }

    private JsonNode deliver(Role role, String type, String details) throws Exception {
        tenant.enqueue(new MockResponse.Builder().code(200).body("{}").build());
        AgentRequest request = new AgentRequest(
                "wamid.M1",
                new TenantId("moda-brasil"),
                new PhoneNumber("+5511988887777"),
                role,
                "+5511988887777",
                new MessageContent(type, "", Optional.of(details)),
                Optional.empty(),
                NOW);
        client.deliver(
                new TenantEndpoint(
                        new TenantId("moda-brasil"), URI.create(tenant.url("/").toString()), new Secret("s")),
                request);
        return Json.parse(tenant.takeRequest(1, TimeUnit.SECONDS).getBody().utf8());
    }
}
