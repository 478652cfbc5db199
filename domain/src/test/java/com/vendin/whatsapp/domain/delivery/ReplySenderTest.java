package com.vendin.whatsapp.domain.delivery;

import static com.vendin.whatsapp.domain.Fixtures.MAIN_TWILIO_SID;
import static com.vendin.whatsapp.domain.Fixtures.MAIN_TWILIO_TOKEN;
import static com.vendin.whatsapp.domain.Fixtures.PLATFORM_META_TOKEN;
import static com.vendin.whatsapp.domain.Fixtures.PLATFORM_PHONE_ID;
import static com.vendin.whatsapp.domain.Fixtures.PLATFORM_TWILIO_NUMBER;
import static com.vendin.whatsapp.domain.Fixtures.metaNumber;
import static com.vendin.whatsapp.domain.Fixtures.tenant;
import static com.vendin.whatsapp.domain.Fixtures.twilioNumber;
import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.domain.Fixtures;
import com.vendin.whatsapp.domain.PlatformAccount;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.delivery.OutboundContent;
import com.vendin.whatsapp.ports.delivery.OutboundMessage;
import com.vendin.whatsapp.ports.delivery.OutboundQueue;
import com.vendin.whatsapp.ports.delivery.OutboundText;
import com.vendin.whatsapp.ports.delivery.PartCorrelation;
import com.vendin.whatsapp.ports.delivery.PendingPart;
import com.vendin.whatsapp.ports.delivery.ReplyRoute;
import com.vendin.whatsapp.ports.delivery.SenderAccount;
import com.vendin.whatsapp.ports.inbound.Destination;
import com.vendin.whatsapp.ports.inbound.InboundMessage;
import com.vendin.whatsapp.ports.inbound.InboundState;
import com.vendin.whatsapp.ports.inbound.InboxEntry;
import com.vendin.whatsapp.ports.inbound.MessageContent;
import com.vendin.whatsapp.ports.inbound.Role;
import com.vendin.whatsapp.ports.inbound.RoutingDecision.Routed;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.NumberStatus;
import com.vendin.whatsapp.ports.tenant.TenantId;
import com.vendin.whatsapp.ports.testing.InMemoryMessageStore;
import com.vendin.whatsapp.ports.testing.InMemoryMessageStore.StoredPart;
import com.vendin.whatsapp.ports.testing.InMemoryTenants;
import com.vendin.whatsapp.ports.testing.MutableClock;
import com.vendin.whatsapp.ports.testing.RecordingSender;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReplySenderTest {
    private static final String ANA_META = "5511988887777";
    private static final String ANA_TWILIO = "whatsapp:+5511988887777";

    private final MutableClock clock = new MutableClock(Fixtures.T0);
    private final InMemoryTenants tenants = new InMemoryTenants();
    private final InMemoryMessageStore store = new InMemoryMessageStore(clock);
    private final RecordingSender provider = new RecordingSender();
    private final ReplySender sender = senderWith(Fixtures.platform());
    private int messages;

    @BeforeEach
    void stores() {
        tenants.insert(
                tenant("own-token", Optional.of(metaNumber("+5511999991111", "201", Optional.of("store-token")))));
        tenants.insert(tenant("pool", Optional.of(metaNumber("+5511999992222", "202", Optional.empty()))));
        tenants.insert(tenant(
                "sub", Optional.of(twilioNumber("+551140045678", Optional.of("ACsub"), Optional.of("sub-token")))));
        tenants.insert(tenant("main", Optional.of(twilioNumber("+551140049999", Optional.empty(), Optional.empty()))));
        tenants.insert(tenant("none", Optional.empty()));
    }

    @Test
    void storeWithItsOwnTokenSendsWithItFromThePhoneIdTheMessageCameIn() {
        queueReply("own-token", new ReplyRoute(Provider.FACEBOOK, false, Optional.of("201"), ANA_META), "Oi");

        sendAllDue();

        assertThat(provider.sent())
                .containsExactly(new OutboundText(
                        SenderAccount.meta("201", new Secret("store-token")),
                        ANA_META,
                        "Oi",
                        Optional.of(PartCorrelation.of(store.parts().get(0).id()))));
        assertThat(store.parts()).singleElement().satisfies(p -> {
            assertThat(p.state()).isEqualTo("sent");
            assertThat(p.providerMessageId()).isPresent();
        });
        assertThat(store.inbound().get(0).state()).isEqualTo(InboundState.REPLIED);
    }

    @Test
    void aTenantInitiatedTemplatePartIsSentAsItsTemplateFromTheStoreAndAcceptedWithoutAnInboundMessage() {
        OutboundContent template = new OutboundContent.MetaTemplate("order_update", "pt_BR", Optional.empty());
        PendingPart part = new PendingPart(
                77,
                0,
                new TenantId("own-token"),
                new ReplyRoute(Provider.FACEBOOK, false, Optional.of("201"), ANA_META),
                template.summary(),
                0,
                1,
                0,
                template,
                Optional.empty());
        List<String> accepted = new java.util.ArrayList<>();
        OutboundQueue queue = new OutboundQueue() {
            @Override
            public List<PendingPart> claimDue(java.time.Instant now, Duration lease, int limit) {
                return List.of(part);
            }

            @Override
            public void markAccepted(long partId, String providerMessageId, java.time.Instant now) {
                accepted.add(partId + "=" + providerMessageId);
            }

            @Override
            public void retryLater(
                    long partId, java.time.Instant nextAttemptAt, String errorCode, java.time.Instant now) {
                throw new AssertionError("not retried");
            }

            @Override
            public void markFailed(long partId, String errorCode, String detail, java.time.Instant now) {
                throw new AssertionError("not failed: " + errorCode);
            }

            @Override
            public void recordMediaId(long partId, String mediaId, java.time.Instant now) {
                throw new AssertionError("a template uploads nothing");
            }

            @Override
            public int releaseLeases() {
                return 0;
            }
        };
        ReplySender templates =
                new ReplySender(queue, tenants, provider, Fixtures.platform(), new RetryPolicy(8, () -> 0.0), clock);

        templates.claimDue(1).forEach(templates::send);

        assertThat(provider.sentMessages())
                .containsExactly(new OutboundMessage(
                        SenderAccount.meta("201", new Secret("store-token")),
                        ANA_META,
                        template,
                        Optional.empty(),
                        Optional.of(PartCorrelation.of(77))));
        assertThat(accepted).singleElement().asString().startsWith("77=");
    }

    @Test
    void poolNumberWithoutATokenSendsWithThePlatformToken() {
        queueReply("pool", new ReplyRoute(Provider.FACEBOOK, false, Optional.empty(), ANA_META), "Oi");

        sendAllDue();

        assertThat(provider.sent())
                .extracting(OutboundText::from)
                .containsExactly(SenderAccount.meta("202", PLATFORM_META_TOKEN));
    }

    @Test
    void adminReplyLeavesFromThePlatformNumberOnEitherProvider() {
        queueReply("own-token", new ReplyRoute(Provider.FACEBOOK, true, Optional.of(PLATFORM_PHONE_ID), ANA_META), "a");
        queueReply("sub", new ReplyRoute(Provider.TWILIO, true, Optional.empty(), ANA_TWILIO), "b");

        sendAllDue();

        assertThat(provider.sent())
                .extracting(OutboundText::from)
                .containsExactlyInAnyOrder(
                        SenderAccount.meta(PLATFORM_PHONE_ID, PLATFORM_META_TOKEN),
                        SenderAccount.twilio(PLATFORM_TWILIO_NUMBER, MAIN_TWILIO_SID, MAIN_TWILIO_TOKEN));
    }

    @Test
    void twilioStoreUsesItsSubaccountElseTheMainAccount() {
        queueReply("sub", new ReplyRoute(Provider.TWILIO, false, Optional.empty(), ANA_TWILIO), "a");
        queueReply("main", new ReplyRoute(Provider.TWILIO, false, Optional.empty(), "whatsapp:+5521977776666"), "b");

        sendAllDue();

        assertThat(provider.sent())
                .allMatch(
                        t -> t.correlationId().flatMap(PartCorrelation::partId).isPresent());
        assertThat(provider.sent().stream().map(t -> new OutboundText(t.from(), t.to(), t.text())))
                .containsExactlyInAnyOrder(
                        new OutboundText(
                                SenderAccount.twilio(
                                        new PhoneNumber("+551140045678"), "ACsub", new Secret("sub-token")),
                                ANA_TWILIO,
                                "a"),
                        new OutboundText(
                                SenderAccount.twilio(
                                        new PhoneNumber("+551140049999"), MAIN_TWILIO_SID, MAIN_TWILIO_TOKEN),
                                "whatsapp:+5521977776666",
                                "b"));
    }

    @Test
    void missingNumberOrCredentialsFailAsNotConfigured() {
        ReplySender unconfigured = senderWith(PlatformAccount.unconfigured(Provider.FACEBOOK));
        queueReply("none", new ReplyRoute(Provider.FACEBOOK, false, Optional.empty(), ANA_META), "a");
        queueReply("pool", new ReplyRoute(Provider.FACEBOOK, true, Optional.empty(), "5521977776666"), "b");

        sendAllDue(unconfigured);

        assertThat(provider.sent()).isEmpty();
        assertThat(store.parts()).allSatisfy(p -> {
            assertThat(p.state()).isEqualTo("failed");
            assertThat(p.errorCode()).contains("not_configured");
        });
    }

    @Test
    void expiredStoreTokenMarksTheNumberAndLaterPartsFailWithoutCallingMeta() {
        queueReply("own-token", new ReplyRoute(Provider.FACEBOOK, false, Optional.of("201"), ANA_META), "a");
        provider.thenTokenExpired();
        sendAllDue();
        queueReply("own-token", new ReplyRoute(Provider.FACEBOOK, false, Optional.of("201"), "5521977776666"), "b");

        sendAllDue();

        assertThat(provider.sent()).hasSize(1);
        assertThat(tenants.findById(new TenantId("own-token"))
                        .orElseThrow()
                        .whatsapp()
                        .orElseThrow()
                        .status())
                .isEqualTo(NumberStatus.REAUTH_REQUIRED);
        assertThat(store.parts()).allSatisfy(p -> {
            assertThat(p.state()).isEqualTo("failed");
            assertThat(p.errorCode()).contains("190");
        });
        assertThat(store.parts().get(1).errorDetail()).contains("reauth_required");
    }

    @Test
    void expiredPlatformTokenDoesNotBlameThePoolTenant() {
        queueReply("pool", new ReplyRoute(Provider.FACEBOOK, false, Optional.of("202"), ANA_META), "a");
        provider.thenTokenExpired();

        sendAllDue();

        assertThat(store.parts()).singleElement().extracting(StoredPart::state).isEqualTo("failed");
        assertThat(tenants.findById(new TenantId("pool"))
                        .orElseThrow()
                        .whatsapp()
                        .orElseThrow()
                        .status())
                .isEqualTo(NumberStatus.ACTIVE);
    }

    @Test
    void retryableFailureWaitsWithBackoffThenGoesThrough() {
        queueReply("pool", new ReplyRoute(Provider.FACEBOOK, false, Optional.of("202"), ANA_META), "a");
        provider.thenFail("130429", true);

        sendAllDue();
        StoredPart waiting = store.parts().get(0);
        clock.advance(Duration.ofMillis(2_250));
        sendAllDue();

        assertThat(waiting.state()).isEqualTo("pending");
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.nextAttemptAt()).isEqualTo(Fixtures.T0.plusMillis(2_250));
        assertThat(provider.sent()).hasSize(2);
        assertThat(store.parts().get(0).state()).isEqualTo("sent");
    }

    @Test
    void retryableFailureGivesUpAfterMaxAttempts() {
        queueReply("pool", new ReplyRoute(Provider.FACEBOOK, false, Optional.of("202"), ANA_META), "a");
        for (int i = 0; i < 10; i++) {
            provider.thenFail("131000", true);
        }

        for (int i = 0; i < 10; i++) {
            sendAllDue();
            clock.advance(Duration.ofMinutes(5));
        }

        assertThat(provider.sent()).hasSize(8);
        assertThat(store.parts()).singleElement().satisfies(p -> {
            assertThat(p.state()).isEqualTo("failed");
            assertThat(p.errorCode()).contains("131000");
        });
    }

    @Test
    void permanentFailureIsRecordedAtOnceWithTheProvidersCode() {
        queueReply("pool", new ReplyRoute(Provider.FACEBOOK, false, Optional.of("202"), ANA_META), "a");
        provider.thenFail("131047", false);

        sendAllDue();
        clock.advance(Duration.ofMinutes(10));
        sendAllDue();

        assertThat(provider.sent()).hasSize(1);
        assertThat(store.parts()).singleElement().satisfies(p -> {
            assertThat(p.state()).isEqualTo("failed");
            assertThat(p.errorCode()).contains("131047");
        });
    }

    @Test
    void partsOfOneReplyLeaveInOrderAndOnlyOnce() {
        queueReply("pool", new ReplyRoute(Provider.FACEBOOK, false, Optional.of("202"), ANA_META), "1", "2", "3");

        sendAllDue();
        sendAllDue();

        assertThat(provider.sent()).extracting(OutboundText::text).containsExactly("1", "2", "3");
        assertThat(store.inbound().get(0).state()).isEqualTo(InboundState.REPLIED);
    }

    @Test
    void claimedPartIsLeasedForSixtySeconds() {
        queueReply("pool", new ReplyRoute(Provider.FACEBOOK, false, Optional.of("202"), ANA_META), "a");

        List<PendingPart> first = sender.claimDue(10);
        List<PendingPart> whileLeased = sender.claimDue(10);
        clock.advance(Duration.ofSeconds(60));

        assertThat(first).hasSize(1);
        assertThat(whileLeased).isEmpty();
        assertThat(sender.claimDue(10)).hasSize(1);
    }

    private ReplySender senderWith(PlatformAccount platform) {
        return new ReplySender(
                store.outboundQueue(), tenants, provider, platform, new RetryPolicy(8, () -> 0.0), clock);
    }

    /** Records a message from a new sender for {@code tenantId}, delivers it and queues the reply parts. */
    private void queueReply(String tenantId, ReplyRoute route, String... parts) {
        messages++;
        PhoneNumber thread = new PhoneNumber("+55119000000" + String.format("%02d", messages));
        InboundMessage message = new InboundMessage(
                route.provider(),
                "in-" + messages,
                route.to(),
                new Destination(route.fromPhoneId(), "x"),
                Fixtures.T0,
                MessageContent.text("q"),
                Optional.empty());
        Role role = route.viaPlatform() ? Role.ADMIN : Role.CUSTOMER;
        store.record(
                List.of(new InboxEntry(
                        message, new Routed(new TenantId(tenantId), role, thread), InboundState.RECEIVED)),
                List.of());
        long id = store.inbound(message.providerMessageId()).orElseThrow().id();
        store.deliveryQueue().claimDue(clock.instant(), Duration.ofSeconds(90), 100);
        store.deliveryQueue().complete(id, route, List.of(parts), clock.instant());
    }

    private void sendAllDue() {
        sendAllDue(sender);
    }

    private void sendAllDue(ReplySender replySender) {
        List<PendingPart> due;
        while (!(due = replySender.claimDue(10)).isEmpty()) {
            due.forEach(replySender::send);
        }
    }
}
