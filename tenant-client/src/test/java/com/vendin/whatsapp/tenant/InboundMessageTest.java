package com.vendin.whatsapp.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InboundMessageTest {

    @Test
    void readsTheContractsExample() {
        String body = "{\"from\":\"+5511988887777\",\"message\":\"Olá, tem a camiseta azul?\",\"role\":\"customer\","
                + "\"threadId\":\"+5511988887777\",\"messageId\":\"wamid.HBgM...\",\"tenantId\":\"moda-brasil\","
                + "\"type\":\"text\",\"profileName\":\"Ana\",\"receivedAt\":\"2026-11-24T12:00:00Z\"}";

        InboundMessage message = InboundMessage.parse(body.getBytes(StandardCharsets.UTF_8));

        assertThat(message.from()).isEqualTo("+5511988887777");
        assertThat(message.message()).isEqualTo("Olá, tem a camiseta azul?");
        assertThat(message.role()).isEqualTo("customer");
        assertThat(message.fromAdmin()).isFalse();
        assertThat(message.threadId()).isEqualTo("+5511988887777");
        assertThat(message.messageId()).isEqualTo("wamid.HBgM...");
        assertThat(message.tenantId()).isEqualTo("moda-brasil");
        assertThat(message.type()).isEqualTo("text");
        assertThat(message.profileName()).contains("Ana");
        assertThat(message.receivedAt()).contains(Instant.parse("2026-11-24T12:00:00Z"));
        assertThat(message.userId()).isEmpty();
        assertThat(message.username()).isEmpty();
        assertThat(message.details()).isEmpty();
        assertThat(message.media()).isEmpty();
    }

    @Test
    void readsAUsernameCustomerWithAnImageAndFieldsAddedLater() {
        String body = "{\"from\":\"\",\"message\":\"esta aqui\",\"role\":\"customer\",\"threadId\":\"user:BR.1234\","
                + "\"messageId\":\"wamid.IMG\",\"tenantId\":\"moda-brasil\",\"type\":\"image\",\"receivedAt\":\"2026-11-24T12:00:00Z\","
                + "\"userId\":\"BR.1234\",\"username\":\"ana.moda\",\"futureField\":7,"
                + "\"image\":{\"mediaId\":\"1013859600285441\",\"mimeType\":\"image/jpeg\",\"caption\":\"esta aqui\","
                + "\"sha256\":\"abc\",\"url\":\"https://gw.example/media/tok123\"}}";

        InboundMessage message = InboundMessage.parse(body);

        assertThat(message.from()).isEmpty();
        assertThat(message.threadId()).isEqualTo("user:BR.1234");
        assertThat(message.userId()).contains("BR.1234");
        assertThat(message.username()).contains("ana.moda");
        assertThat(message.profileName()).isEmpty();
        assertThat(message.media())
                .contains(new Media(
                        "1013859600285441",
                        Optional.of("image/jpeg"),
                        Optional.of("esta aqui"),
                        Optional.empty(),
                        Optional.of(URI.create("https://gw.example/media/tok123"))));
        assertThat(message.details()).containsEntry("sha256", "abc");
        assertThat(message.fields()).containsEntry("futureField", new BigDecimal("7"));
    }

    @Test
    void anAdminsLocationKeepsItsDetails() {
        InboundMessage message = InboundMessage.parse("{\"role\":\"admin\",\"messageId\":\"m\",\"tenantId\":\"t\","
                + "\"type\":\"location\",\"location\":{\"latitude\":-23.5,\"longitude\":-46.6,\"name\":null}}");
        assertThat(message.fromAdmin()).isTrue();
        assertThat(message.details()).containsEntry("latitude", new BigDecimal("-23.5"));
        assertThat(message.media()).isEmpty();
    }

    @Test
    void aBodyWithoutItsIdsIsRefused() {
        assertThatThrownBy(() -> InboundMessage.parse("{\"type\":\"text\",\"tenantId\":\"t\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("messageId");
        assertThatThrownBy(() -> InboundMessage.parse("not json")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsAStatus() {
        StatusUpdate status =
                StatusUpdate.parse(("{\"tenantId\":\"moda\",\"messageId\":\"part-1\",\"replyTo\":\"wamid.A\","
                                + "\"status\":\"failed\",\"errorCode\":131026,\"timestamp\":\"2026-11-24T12:00:05Z\"}")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(status)
                .isEqualTo(new StatusUpdate(
                        "moda",
                        "part-1",
                        Optional.of("wamid.A"),
                        "failed",
                        Optional.of("131026"),
                        Optional.of("2026-11-24T12:00:05Z")));
        assertThat(status.instant()).contains(Instant.parse("2026-11-24T12:00:05Z"));
    }
}
