package com.vendin.whatsapp.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.delivery.MediaKind;
import com.vendin.whatsapp.ports.delivery.OutboundContent;
import com.vendin.whatsapp.ports.delivery.OutboundMessage;
import com.vendin.whatsapp.ports.delivery.OutboundText;
import com.vendin.whatsapp.ports.delivery.SenderAccount;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sandbox records each part with its type and one readable line. */
class SandboxSenderTest {
    private static final SenderAccount FROM = SenderAccount.meta("100000000000001", new Secret("sandbox"));

    @Test
    void givenRichPartsWhenSentThenOutboxShowsTypeAndReadableLineInOrder() {
        SandboxSender sandbox = new SandboxSender(Clock.systemUTC());

        sandbox.send(new OutboundText(FROM, "5511988887777", "Olá!", Optional.of("wg-part-1")));
        sandbox.send(new OutboundMessage(
                FROM,
                "5511988887777",
                new OutboundContent.Media(
                        MediaKind.IMAGE,
                        URI.create("http://127.0.0.1:8080/demo/products/camiseta-azul.png"),
                        Optional.of("Camiseta azul"),
                        Optional.empty()),
                Optional.of("sandbox-media"),
                Optional.of("wg-part-2")));
        sandbox.send(new OutboundMessage(
                FROM,
                "5511988887777",
                new OutboundContent.Buttons(
                        "Quer levar?",
                        List.of(
                                new OutboundContent.Button("comprar", "Comprar"),
                                new OutboundContent.Button("ver-cores", "Ver cores"))),
                Optional.empty(),
                Optional.of("wg-part-3")));
        sandbox.send(new OutboundMessage(
                FROM,
                "5511988887777",
                new OutboundContent.ListMessage(
                        "Tamanhos",
                        "Escolher",
                        List.of(new OutboundContent.Section(
                                Optional.empty(),
                                List.of(
                                        new OutboundContent.Row("p", "P", Optional.empty()),
                                        new OutboundContent.Row("m", "M", Optional.empty()))))),
                Optional.empty(),
                Optional.empty()));

        List<SandboxSender.Sent> outbox = sandbox.outbox();
        assertThat(outbox).extracting(SandboxSender.Sent::type).containsExactly("text", "image", "buttons", "list");
        assertThat(outbox)
                .extracting(SandboxSender.Sent::text)
                .containsExactly(
                        "Olá!",
                        "[image] Camiseta azul (http://127.0.0.1:8080/demo/products/camiseta-azul.png)",
                        "[buttons] Quer levar?: Comprar | Ver cores",
                        "[list] Tamanhos: Escolher: P | M");
        assertThat(outbox)
                .extracting(SandboxSender.Sent::correlationId)
                .containsExactly(
                        Optional.of("wg-part-1"), Optional.of("wg-part-2"), Optional.of("wg-part-3"), Optional.empty());
        assertThat(outbox).extracting(SandboxSender.Sent::from).containsOnly("100000000000001");
        assertThat(outbox).extracting(SandboxSender.Sent::id).doesNotHaveDuplicates();
    }

    @Test
    void givenMediaWithoutCaptionWhenDescribedThenTypeAndUrl() {
        assertThat(SandboxSender.describe(new OutboundContent.Media(
                        MediaKind.DOCUMENT, URI.create("http://h/x.pdf"), Optional.empty(), Optional.of("x.pdf"))))
                .isEqualTo("[document] x.pdf (http://h/x.pdf)");
        assertThat(SandboxSender.describe(new OutboundContent.Media(
                        MediaKind.AUDIO, URI.create("http://h/a.ogg"), Optional.empty(), Optional.empty())))
                .isEqualTo("[audio] (http://h/a.ogg)");
        assertThat(SandboxSender.describe(new OutboundContent.Reaction("wamid.1", "👍")))
                .isEqualTo("[reaction] 👍 on wamid.1");
    }
}
