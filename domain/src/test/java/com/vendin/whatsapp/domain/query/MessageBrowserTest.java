package com.vendin.whatsapp.domain.query;

import static com.vendin.whatsapp.domain.Fixtures.meta;
import static com.vendin.whatsapp.domain.Fixtures.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vendin.whatsapp.domain.Fixtures;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.inbound.InboundState;
import com.vendin.whatsapp.ports.inbound.InboxEntry;
import com.vendin.whatsapp.ports.inbound.Role;
import com.vendin.whatsapp.ports.inbound.RoutingDecision;
import com.vendin.whatsapp.ports.inbound.UnroutableReason;
import com.vendin.whatsapp.ports.media.MediaLinks;
import com.vendin.whatsapp.ports.media.MediaReference;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.query.InboundMedia;
import com.vendin.whatsapp.ports.query.MessageDetail;
import com.vendin.whatsapp.ports.query.MessageQueries;
import com.vendin.whatsapp.ports.query.MessageView;
import com.vendin.whatsapp.ports.query.ServiceWindow;
import com.vendin.whatsapp.ports.query.UnroutableView;
import com.vendin.whatsapp.ports.tenant.TenantId;
import com.vendin.whatsapp.ports.testing.InMemoryMessageStore;
import com.vendin.whatsapp.ports.testing.InMemoryTenants;
import com.vendin.whatsapp.ports.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MessageBrowserTest {
    private static final TenantId MODA = new TenantId("moda");

    private final MutableClock clock = new MutableClock(Fixtures.T0);
    private final InMemoryTenants tenants = new InMemoryTenants();
    private final InMemoryMessageStore store = new InMemoryMessageStore(clock);
    private final MessageBrowser browser = new MessageBrowser(tenants, store);

    @BeforeEach
    void sixHundredMessages() {
        tenants.insert(tenant("moda", Optional.empty()));
        List<InboxEntry> entries = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            entries.add(new InboxEntry(
                    meta("wamid.r" + i, "5511988887777", "1", "x"),
                    new RoutingDecision.Routed(MODA, Role.CUSTOMER, new PhoneNumber("+5511988887777")),
                    InboundState.RECEIVED));
            entries.add(new InboxEntry(
                    meta("wamid.u" + i, "5511988887777", "9", "x"),
                    new RoutingDecision.Unroutable(UnroutableReason.UNKNOWN_STORE_NUMBER),
                    InboundState.UNROUTABLE));
        }
        store.record(entries.subList(0, 2), List.of());
        clock.advance(Duration.ofSeconds(1));
        store.record(entries.subList(2, entries.size()), List.of());
    }

    @Test
    void tenantMessagesAreNewestFirstWithTheLimitKeptBetweenOneAndFiveHundred() {
        assertThat(browser.tenantMessages(MODA, 50)).hasSize(50);
        assertThat(browser.tenantMessages(MODA, 0)).hasSize(1);
        assertThat(browser.tenantMessages(MODA, -5)).hasSize(1);
        assertThat(browser.tenantMessages(MODA, 10_000)).hasSize(500);
        assertThat(browser.tenantMessages(MODA, 1))
                .extracting(MessageView::providerMessageId)
                .containsExactly(Optional.of("wamid.r599"));
    }

    @Test
    void unknownTenantIsNotFound() {
        assertThatThrownBy(() -> browser.tenantMessages(new TenantId("ghost"), 10))
                .isInstanceOfSatisfying(GatewayRejection.class, e -> {
                    assertThat(e.kind()).isEqualTo(GatewayRejection.Kind.NOT_FOUND);
                    assertThat(e.code()).isEqualTo("tenant_not_found");
                });
    }

    @Test
    void unroutableMessagesAreListedWithTheirReasonAndClampedLimit() {
        assertThat(browser.unroutable(10_000)).hasSize(500);
        assertThat(browser.unroutable(0)).singleElement().satisfies(v -> {
            assertThat(v.providerMessageId()).isEqualTo("wamid.u599");
            assertThat(v.reason()).isEqualTo("unknown_store_number");
        });
        assertThat(browser.unroutable(600))
                .extracting(UnroutableView::providerMessageId)
                .last()
                .isEqualTo("wamid.u100");
    }

    @Test
    void aCustomersThreadHasItsWindowOpenUntilTwentyFourHoursAfterItsLastMessageAndMediaGetsAFreshLink() {
        MediaReference photo = new MediaReference(MODA, "wamid.photo", Provider.FACEBOOK, false, "1420539718966254");
        InboundMedia media = new InboundMedia(
                Optional.of("1420539718966254"),
                Optional.of("image/jpeg"),
                Optional.empty(),
                Optional.empty(),
                Optional.of(photo),
                Optional.empty());
        Instant recent = Fixtures.T0.minus(Duration.ofHours(23));
        Instant old = Fixtures.T0.minus(Duration.ofHours(25));
        List<MessageView> rows = List.of(
                view(
                        "in-1",
                        new MessageDetail(
                                Optional.empty(),
                                false,
                                Optional.empty(),
                                Optional.of(media),
                                Optional.of(recent),
                                Optional.empty())),
                view(
                        "in-2",
                        new MessageDetail(
                                Optional.empty(),
                                false,
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(old),
                                Optional.empty())),
                view("in-3", MessageDetail.NONE));
        MediaLinks links = reference -> Optional.of(URI.create("https://gw.example/media/" + reference.media()));
        MessageBrowser rich = new MessageBrowser(tenants, new FixedQueries(rows), links, clock);

        List<MessageView> listed = rich.tenantMessages(MODA, 10);

        assertThat(listed.get(0).detail().window())
                .contains(new ServiceWindow(recent.plus(Duration.ofHours(24)), true));
        assertThat(listed.get(0).detail().media().flatMap(InboundMedia::url))
                .contains(URI.create("https://gw.example/media/1420539718966254"));
        assertThat(listed.get(1).detail().window()).contains(new ServiceWindow(old.plus(Duration.ofHours(24)), false));
        assertThat(listed.get(2).detail().window())
                .as("no customer message in the thread (an admin's)")
                .isEmpty();
        clock.advance(Duration.ofHours(1));
        assertThat(rich.tenantMessages(MODA, 10).get(0).detail().window().map(ServiceWindow::open))
                .as("exactly 24 hours after the last message the window is closed")
                .contains(false);
    }

    private static MessageView view(String id, MessageDetail detail) {
        return new MessageView(
                id,
                "inbound",
                "5511988887777",
                "5511911110000",
                "image",
                "",
                "forwarded",
                Optional.of("wamid." + id),
                Optional.of("customer"),
                Optional.of("+5511988887777"),
                Optional.empty(),
                Optional.empty(),
                1,
                Optional.of(Fixtures.T0),
                Fixtures.T0,
                Fixtures.T0,
                Optional.empty(),
                Optional.empty(),
                detail);
    }

    /** The page a store returns, as given. */
    private record FixedQueries(List<MessageView> page) implements MessageQueries {
        @Override
        public List<MessageView> forTenant(TenantId tenantId, int limit) {
            return page;
        }

        @Override
        public List<UnroutableView> unroutable(int limit) {
            return List.of();
        }
    }
}
