package com.vendin.whatsapp.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WhatsAppMarkdownTest {

    @Test
    void doubleAsterisksBecomeWhatsAppBold() {
        assertThat(WhatsAppMarkdown.convert("**Camiseta azul** e **vermelha** por *só* R$ 59"))
                .isEqualTo("*Camiseta azul* e *vermelha* por *só* R$ 59");
    }

    @Test
    void headingsBecomePlainLines() {
        assertThat(WhatsAppMarkdown.convert("# Pedido\n## Itens ##\nCamiseta\n#hashtag"))
                .isEqualTo("Pedido\nItens\nCamiseta\n#hashtag");
    }

    @Test
    void linksBecomeTextThenUrlInParentheses() {
        assertThat(WhatsAppMarkdown.convert("Veja [o catálogo](https://loja.example/c?x=1) hoje"))
                .isEqualTo("Veja o catálogo (https://loja.example/c?x=1) hoje");
    }

    @Test
    void codeIsLeftAsWritten() {
        String text = "Use `**not bold**` e\n```\n# not a heading\n**x**\n```\n**sim**";
        assertThat(WhatsAppMarkdown.convert(text))
                .isEqualTo("Use `**not bold**` e\n```\n# not a heading\n**x**\n```\n*sim*");
    }

    @Test
    void plainWhatsAppTextIsUnchanged() {
        String text = "*bold* _italic_ ~strike~ 2 ** 3 __init__ file";
        assertThat(WhatsAppMarkdown.convert(text)).isEqualTo(text);
    }
}
