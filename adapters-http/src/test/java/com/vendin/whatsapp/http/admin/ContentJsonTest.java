package com.vendin.whatsapp.http.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vendin.whatsapp.ports.delivery.MediaKind;
import com.vendin.whatsapp.ports.delivery.OutboundContent;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContentJsonTest {
    private final ObjectMapper mapper = new ObjectMapper();
    private final ContentJson json = new ContentJson(mapper);

    @Test
    void givenEachKindOfItemWhenShownThenItsFieldsAreTheOnesOfContractSection31() throws Exception {
        assertThat(json.content(new OutboundContent.ListMessage(
                        "Escolha",
                        "Ver opções",
                        List.of(new OutboundContent.Section(
                                Optional.of("Camisetas"),
                                List.of(
                                        new OutboundContent.Row("azul", "Azul", Optional.of("R$ 59")),
                                        new OutboundContent.Row("verde", "Verde", Optional.empty())))))))
                .isEqualTo(mapper.readTree("{\"text\":\"Escolha\",\"button\":\"Ver opções\",\"sections\":[{\"title\":"
                        + "\"Camisetas\",\"rows\":[{\"id\":\"azul\",\"title\":\"Azul\",\"description\":\"R$ 59\"},"
                        + "{\"id\":\"verde\",\"title\":\"Verde\"}]}]}"));
        assertThat(json.content(new OutboundContent.Reaction("wamid.IN", "👍")))
                .isEqualTo(mapper.readTree("{\"messageId\":\"wamid.IN\",\"emoji\":\"👍\"}"));
        assertThat(json.content(new OutboundContent.TwilioTemplate(
                        "HX0123456789abcdef0123456789abcdef", Optional.of("{\"1\":\"42\"}"))))
                .isEqualTo(mapper.readTree(
                        "{\"contentSid\":\"HX0123456789abcdef0123456789abcdef\",\"contentVariables\":{\"1\":\"42\"}}"));
        assertThat(json.content(new OutboundContent.Media(
                        MediaKind.DOCUMENT,
                        URI.create("https://loja.example/n.pdf"),
                        Optional.empty(),
                        Optional.of("nota.pdf"))))
                .isEqualTo(mapper.readTree("{\"url\":\"https://loja.example/n.pdf\",\"filename\":\"nota.pdf\"}"));
    }

    @Test
    void givenAMediaUrlWithUserInfoWhenShownThenTheUserInfoIsDroppedAndTheRestKeptAsWritten() {
        assertThat(json.content(new OutboundContent.Media(
                                MediaKind.IMAGE,
                                URI.create("https://ana:s3cr%40t@cdn.loja.example/a%20b.png?sig=x%2By#f"),
                                Optional.empty(),
                                Optional.empty()))
                        .path("url")
                        .asText())
                .isEqualTo("https://cdn.loja.example/a%20b.png?sig=x%2By#f");
    }
}
