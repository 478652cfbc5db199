package com.vendin.whatsapp.persistence.message;

import static com.vendin.whatsapp.persistence.testing.Samples.routed;
import static com.vendin.whatsapp.persistence.testing.TestDatabases.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.persistence.testing.Backend;
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
import com.vendin.whatsapp.ports.delivery.PendingPart;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Rich reply parts (CONTRACT §3.1, migration V8) kept and claimed with their content and uploaded media id. */
@ParameterizedClass
@EnumSource(Backend.class)
class RichPartsStoreTest {
    private static final Media SHIRT = new Media(
            MediaKind.IMAGE, URI.create("https://cdn.example/shirt.png"), Optional.of("Azul"), Optional.empty());

    @Parameter
    Backend backend;

    @TempDir
    Path dir;

    MessageStore store;

    @BeforeEach
    void open() {
        store = new MessageStore(backend, dir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<PendingPart> claimAll() {
        List<PendingPart> parts = new ArrayList<>();
        List<PendingPart> due;
        while (!(due = store.outbound.claimDue(T0, Duration.ofMinutes(1), 10)).isEmpty()) {
            parts.addAll(due);
            due.forEach(p -> store.outbound.markAccepted(p.id(), "wamid.out-" + p.id(), T0));
        }
        return parts;
    }

    @Test
    void givenEveryKindOfItemWhenQueuedAndClaimedThenEachComesBackAsItWentInAndInOrder() {
        List<OutboundContent> items = List.of(
                new Text("Oi"),
                SHIRT,
                new Media(
                        MediaKind.DOCUMENT,
                        URI.create("https://cdn.example/n.pdf"),
                        Optional.empty(),
                        Optional.of("nota.pdf")),
                new Buttons("Quer?", List.of(new Button("y", "Sim"), new Button("n", "Não"))),
                new ListMessage(
                        "Escolha",
                        "Ver",
                        List.of(new Section(
                                Optional.of("T"),
                                List.of(new Row("r", "R", Optional.of("d")), new Row("s", "S", Optional.empty()))))),
                new MetaTemplate("pedido", "pt_BR", Optional.of("[{\"type\":\"body\"}]")),
                new MetaTemplate("oi", "en_US", Optional.empty()),
                new TwilioTemplate("HX0123456789abcdef0123456789abcdef", Optional.of("{\"1\":\"Ana\"}")),
                new Reaction("wamid.IN", "👍"));
        store.record(routed("a1", "+5511988887777", T0));
        store.deliveries.claimDue(T0, Duration.ofMinutes(1), 10);

        store.deliveries.completeWith(store.inboundId("a1"), MessageStore.ROUTE, items, T0);

        List<PendingPart> parts = claimAll();
        assertThat(parts).extracting(PendingPart::content).containsExactlyElementsOf(items);
        assertThat(parts).extracting(PendingPart::text).startsWith("Oi", "Azul", "", "Quer?");
        assertThat(parts).allSatisfy(p -> assertThat(p.mediaId()).isEmpty());
    }

    @Test
    void givenAnUploadedMediaWhenTheSendIsRetriedThenThePartComesBackWithItsMediaId() {
        store.record(routed("a1", "+5511988887777", T0));
        store.deliveries.claimDue(T0, Duration.ofMinutes(1), 10);
        store.deliveries.completeWith(store.inboundId("a1"), MessageStore.ROUTE, List.of(SHIRT), T0);
        PendingPart first =
                store.outbound.claimDue(T0, Duration.ofMinutes(1), 10).get(0);

        store.outbound.recordMediaId(first.id(), "1013859600285441", T0);
        store.outbound.retryLater(first.id(), T0, "131000", T0);

        PendingPart again =
                store.outbound.claimDue(T0, Duration.ofMinutes(1), 10).get(0);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.content()).isEqualTo(SHIRT);
        assertThat(again.mediaId()).contains("1013859600285441");
    }
}
