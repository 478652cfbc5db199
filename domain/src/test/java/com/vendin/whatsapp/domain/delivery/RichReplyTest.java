package com.vendin.whatsapp.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.delivery.MediaKind;
import com.vendin.whatsapp.ports.delivery.OutboundContent;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Button;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Buttons;
import com.vendin.whatsapp.ports.delivery.OutboundContent.ListMessage;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Media;
import com.vendin.whatsapp.ports.delivery.OutboundContent.MetaTemplate;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Reaction;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Row;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Section;
import com.vendin.whatsapp.ports.delivery.OutboundContent.Text;
import com.vendin.whatsapp.ports.delivery.OutboundContent.TwilioTemplate;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RichReplyTest {
    private static final URI PNG = URI.create("https://cdn.example/a.png");

    private static String invalid(Provider provider, OutboundContent... items) {
        RichReply.Prepared prepared = RichReply.prepare(List.of(items), provider);
        assertThat(prepared).isInstanceOf(RichReply.Invalid.class);
        return ((RichReply.Invalid) prepared).why();
    }

    private static List<OutboundContent> parts(Provider provider, OutboundContent... items) {
        RichReply.Prepared prepared = RichReply.prepare(List.of(items), provider);
        assertThat(prepared).isInstanceOf(RichReply.Parts.class);
        return ((RichReply.Parts) prepared).parts();
    }

    private static Buttons buttons(int count) {
        return new Buttons(
                "Escolha",
                IntStream.rangeClosed(1, count)
                        .mapToObj(i -> new Button("b" + i, "Opção " + i))
                        .toList());
    }

    @Test
    void tenItemsPassAndAnEleventhMakesTheReplyInvalid() {
        OutboundContent[] ten = Collections.nCopies(10, new Text("oi")).toArray(OutboundContent[]::new);
        assertThat(parts(Provider.FACEBOOK, ten)).hasSize(10);
        OutboundContent[] eleven = Collections.nCopies(11, new Text("oi")).toArray(OutboundContent[]::new);
        assertThat(invalid(Provider.FACEBOOK, eleven)).isEqualTo("at most 10 messages in one reply, got 11");
    }

    @Test
    void textsAreConvertedFromMarkdownAndSplitByTheProviderLimit() {
        String sentence = "Uma frase curta aqui. ";
        List<OutboundContent> meta = parts(Provider.FACEBOOK, new Text("**oi**"), new Text(sentence.repeat(250)));
        List<OutboundContent> twilio = parts(Provider.TWILIO, new Text(sentence.repeat(250)));

        assertThat(meta.get(0)).isEqualTo(new Text("*oi*"));
        assertThat(meta).hasSize(3);
        assertThat(twilio).hasSize(4);
        assertThat(invalid(Provider.FACEBOOK, new Text("ok"), new Text(" ")))
                .isEqualTo("message 2 (text): text is empty");
    }

    @Test
    void oneToThreeButtonsWithShortUniqueTitles() {
        assertThat(parts(Provider.FACEBOOK, buttons(3))).hasSize(1);
        assertThat(invalid(Provider.FACEBOOK, buttons(4))).isEqualTo("message 1 (buttons): 1 to 3 buttons, got 4");
        assertThat(invalid(Provider.FACEBOOK, buttons(0))).isEqualTo("message 1 (buttons): 1 to 3 buttons, got 0");
        assertThat(invalid(Provider.FACEBOOK, new Buttons("x", List.of(new Button("a", "123456789012345678901")))))
                .isEqualTo("message 1 (buttons): button 1 title is longer than 20 characters: 123456789012345678901");
        assertThat(invalid(
                        Provider.FACEBOOK, new Buttons("x", List.of(new Button("a", "Sim"), new Button("b", "Sim")))))
                .isEqualTo("message 1 (buttons): button 2 repeats title Sim");
        assertThat(invalid(Provider.FACEBOOK, new Buttons("x".repeat(1025), List.of(new Button("a", "Sim")))))
                .isEqualTo("message 1 (buttons): text is longer than 1024 characters");
    }

    @Test
    void listsKeepMetasLimits() {
        Row row = new Row("r1", "Camiseta", Optional.of("Azul"));
        ListMessage ok = new ListMessage("Escolha", "Ver", List.of(new Section(Optional.empty(), List.of(row))));
        assertThat(parts(Provider.FACEBOOK, ok)).containsExactly(ok);

        List<Row> eleven = IntStream.rangeClosed(1, 11)
                .mapToObj(i -> new Row("r" + i, "Item " + i, Optional.empty()))
                .toList();
        assertThat(invalid(
                        Provider.FACEBOOK, new ListMessage("x", "Ver", List.of(new Section(Optional.of("A"), eleven)))))
                .isEqualTo("message 1 (list): 1 to 10 rows in all sections together, got 11");
        assertThat(invalid(
                        Provider.FACEBOOK,
                        new ListMessage(
                                "x",
                                "Ver",
                                List.of(
                                        new Section(Optional.of("A"), List.of(row)),
                                        new Section(Optional.empty(), List.of(new Row("r2", "B", Optional.empty())))))))
                .isEqualTo("message 1 (list): section 2 needs a title when there are several sections");
        assertThat(invalid(
                        Provider.FACEBOOK,
                        new ListMessage(
                                "x",
                                "Ver",
                                List.of(new Section(
                                        Optional.empty(), List.of(new Row("r1", "T", Optional.of("d".repeat(73)))))))))
                .isEqualTo("message 1 (list): section 1 row 1 description is longer than 72 characters");
        assertThat(invalid(
                        Provider.FACEBOOK,
                        new ListMessage(
                                "x", "Ver opções do cardápio", List.of(new Section(Optional.empty(), List.of(row))))))
                .isEqualTo("message 1 (list): button is longer than 20 characters: Ver opções do cardápio");
    }

    @Test
    void mediaCaptionsAreConvertedAndOnlyKindsThatTakeThemMayHaveThem() {
        assertThat(parts(Provider.FACEBOOK, new Media(MediaKind.IMAGE, PNG, Optional.of("**Azul**"), Optional.empty())))
                .containsExactly(new Media(MediaKind.IMAGE, PNG, Optional.of("*Azul*"), Optional.empty()));
        assertThat(invalid(Provider.FACEBOOK, new Media(MediaKind.AUDIO, PNG, Optional.of("ouça"), Optional.empty())))
                .isEqualTo("message 1 (audio): only images, videos and documents have captions");
        assertThat(invalid(Provider.TWILIO, new Media(MediaKind.DOCUMENT, PNG, Optional.of("nota"), Optional.empty())))
                .isEqualTo("message 1 (document): Twilio cannot carry a caption on a document");
        assertThat(invalid(Provider.FACEBOOK, new Media(MediaKind.IMAGE, PNG, Optional.empty(), Optional.of("a.png"))))
                .isEqualTo("message 1 (image): only a document has a filename");
        assertThat(invalid(
                        Provider.FACEBOOK,
                        new Media(MediaKind.IMAGE, URI.create("ftp://x/a.png"), Optional.empty(), Optional.empty())))
                .isEqualTo("message 1 (image): url must be an absolute http(s) URL");
    }

    @Test
    void templatesGoOnlyThroughTheirOwnProviderAndReactionsOnlyOnMeta() {
        MetaTemplate meta = new MetaTemplate("pedido_enviado", "pt_BR", Optional.empty());
        TwilioTemplate twilio = new TwilioTemplate("HX0123456789abcdef0123456789abcdef", Optional.of("{\"1\":\"x\"}"));
        Reaction reaction = new Reaction("wamid.IN", "👍");

        assertThat(parts(Provider.FACEBOOK, meta, reaction)).containsExactly(meta, reaction);
        assertThat(parts(Provider.TWILIO, twilio)).containsExactly(twilio);
        assertThat(invalid(Provider.TWILIO, meta)).startsWith("message 1 (template): a Meta template");
        assertThat(invalid(Provider.FACEBOOK, twilio)).startsWith("message 1 (template): a Twilio content template");
        assertThat(invalid(Provider.TWILIO, new TwilioTemplate("HX1", Optional.empty())))
                .isEqualTo("message 1 (template): contentSid must be HX and 32 hex digits");
        assertThat(invalid(Provider.TWILIO, reaction)).isEqualTo("message 1 (reaction): Twilio cannot send reactions");
        assertThat(invalid(Provider.FACEBOOK, new Reaction("wamid.IN", "")))
                .isEqualTo("message 1 (reaction): emoji must " + "be one emoji");
    }
}
