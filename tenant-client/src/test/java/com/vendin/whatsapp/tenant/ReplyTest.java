package com.vendin.whatsapp.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplyTest {

    @Test
    void aTextReplyIsTheSeedsShape() {
        assertThat(Reply.text("Temos sim, \"azul\"!").toJson()).isEqualTo("{\"text\":\"Temos sim, \\\"azul\\\"!\"}");
        assertThat(new String(Reply.text("Olá").bytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"text\":\"Olá\"}");
        assertThat(Reply.none().toJson()).isEqualTo("{}");
        assertThat(Reply.none().items()).isEmpty();
        assertThat(Reply.text("Oi").items()).containsExactly(Map.of("type", "text", "text", "Oi"));
    }

    @Test
    void richRepliesAreTheItemsOfContractSection31() {
        Reply reply = Reply.messages()
                .text("Temos sim!")
                .image(URI.create("https://cdn.example/azul.jpg"), "Camiseta azul")
                .document(URI.create("https://cdn.example/tabela.pdf"), "tabela.pdf", null)
                .buttons("Qual tamanho?", Reply.button("p", "P"), Reply.button("m", "M"))
                .list(
                        "Categorias",
                        "Ver",
                        Reply.section(
                                "Roupas",
                                Reply.row("cam", "Camisetas", null),
                                Reply.row("cal", "Calças", "jeans e sarja")))
                .metaTemplate("pedido_enviado", "pt_BR", null)
                .twilioTemplate("HX123", Map.of("1", "Ana"))
                .reaction("wamid.A", "👍")
                .build();

        assertThat(reply.toJson())
                .isEqualTo("{\"messages\":["
                        + "{\"type\":\"text\",\"text\":\"Temos sim!\"},"
                        + "{\"type\":\"image\",\"url\":\"https://cdn.example/azul.jpg\",\"caption\":\"Camiseta azul\"},"
                        + "{\"type\":\"document\",\"url\":\"https://cdn.example/tabela.pdf\",\"filename\":\"tabela.pdf\"},"
                        + "{\"type\":\"buttons\",\"text\":\"Qual tamanho?\",\"buttons\":[{\"id\":\"p\",\"title\":\"P\"},{\"id\":\"m\",\"title\":\"M\"}]},"
                        + "{\"type\":\"list\",\"text\":\"Categorias\",\"button\":\"Ver\",\"sections\":[{\"title\":\"Roupas\",\"rows\":["
                        + "{\"id\":\"cam\",\"title\":\"Camisetas\"},{\"id\":\"cal\",\"title\":\"Calças\",\"description\":\"jeans e sarja\"}]}]},"
                        + "{\"type\":\"template\",\"name\":\"pedido_enviado\",\"language\":\"pt_BR\"},"
                        + "{\"type\":\"template\",\"contentSid\":\"HX123\",\"contentVariables\":{\"1\":\"Ana\"}},"
                        + "{\"type\":\"reaction\",\"messageId\":\"wamid.A\",\"emoji\":\"👍\"}]}");
        assertThat(reply.items()).hasSize(8);
    }

    @Test
    void limitsOfContractSection31AreCheckedWhenBuilding() {
        Reply.Builder builder = Reply.messages();
        for (int i = 0; i < Reply.MAX_ITEMS; i++) {
            builder.text("part " + i);
        }
        assertThatThrownBy(() -> builder.text("eleven")).isInstanceOf(IllegalStateException.class);
        assertThat(builder.build().items()).hasSize(10);
        assertThatThrownBy(() -> Reply.messages().buttons("x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Reply.messages()
                        .buttons(
                                "x",
                                Reply.button("1", "a"),
                                Reply.button("2", "b"),
                                Reply.button("3", "c"),
                                Reply.button("4", "d")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Reply.messages().media("gif", URI.create("https://x"), null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Reply.messages().build()).isInstanceOf(IllegalStateException.class);
        assertThat(Json.parse(Reply.messages().text("a").build().toJson()))
                .isEqualTo(Map.of("messages", List.of(Map.of("type", "text", "text", "a"))));
    }
}
