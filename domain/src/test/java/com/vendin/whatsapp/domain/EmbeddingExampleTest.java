package com.vendin.whatsapp.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.vendin.whatsapp.domain.delivery.DeliveryService;
import com.vendin.whatsapp.domain.delivery.ReplySender;
import com.vendin.whatsapp.domain.delivery.RetryPolicy;
import com.vendin.whatsapp.domain.inbound.WebhookReceiver;
import com.vendin.whatsapp.domain.otp.AdminPhoneRegistration;
import com.vendin.whatsapp.domain.otp.CodeSending;
import com.vendin.whatsapp.domain.otp.OtpSettings;
import com.vendin.whatsapp.domain.routing.Router;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.delivery.DeliverToTenants;
import com.vendin.whatsapp.ports.delivery.OutboundText;
import com.vendin.whatsapp.ports.delivery.SendOutcome;
import com.vendin.whatsapp.ports.delivery.SendReplies;
import com.vendin.whatsapp.ports.delivery.WorkNotifier;
import com.vendin.whatsapp.ports.inbound.BatchReceipt;
import com.vendin.whatsapp.ports.inbound.Destination;
import com.vendin.whatsapp.ports.inbound.InboundBatch;
import com.vendin.whatsapp.ports.inbound.InboundMessage;
import com.vendin.whatsapp.ports.inbound.MessageContent;
import com.vendin.whatsapp.ports.inbound.ReceiveWebhook;
import com.vendin.whatsapp.ports.inbound.Role;
import com.vendin.whatsapp.ports.otp.RegisterAdminPhone;
import com.vendin.whatsapp.ports.otp.VerificationCode;
import com.vendin.whatsapp.ports.otp.VerificationCodeSender;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.AdminPhone;
import com.vendin.whatsapp.ports.tenant.NumberStatus;
import com.vendin.whatsapp.ports.tenant.Tenant;
import com.vendin.whatsapp.ports.tenant.TenantId;
import com.vendin.whatsapp.ports.tenant.WhatsAppNumber;
import com.vendin.whatsapp.ports.testing.InMemoryMessageStore;
import com.vendin.whatsapp.ports.testing.InMemoryOtpStore;
import com.vendin.whatsapp.ports.testing.InMemoryPersons;
import com.vendin.whatsapp.ports.testing.InMemoryRateLimiter;
import com.vendin.whatsapp.ports.testing.InMemoryStandbyLog;
import com.vendin.whatsapp.ports.testing.InMemoryTenants;
import com.vendin.whatsapp.ports.testing.MutableClock;
import com.vendin.whatsapp.ports.testing.RecordingSender;
import com.vendin.whatsapp.ports.testing.RecordingTenantAgent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The README's "Embedding the domain": the gateway's use cases wired by hand with {@code new} on the
 * in-memory fakes of {@code ports-testing}, without Guice, HTTP or a database. A message is received,
 * delivered to a (fake) tenant agent, and its reply is sent through a (fake) WhatsApp sender from the
 * store's number, back to the customer as Meta spelled them; a store owner registered with a one-time code
 * reaches the store as admin and is answered from the platform number.
 */
class EmbeddingExampleTest {

    @Test
    void receivesAMessageDeliversItToTheTenantAndSendsTheReply() {
        // Outbound ports: in-memory fakes (swap in your own adapters: a database, an HTTP client, ...).
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T12:00:00Z"));
        InMemoryTenants tenants = new InMemoryTenants();
        InMemoryMessageStore store = new InMemoryMessageStore(clock);
        RecordingTenantAgent agent = new RecordingTenantAgent().thenReply("Temos sim! Tamanhos P, M e G.");
        RecordingSender whatsapp = new RecordingSender();
        WorkNotifier notifier = () -> {};
        PlatformAccount platform = PlatformAccount.unconfigured(Provider.FACEBOOK);
        DeliverySettings settings = DeliverySettings.defaults();
        RetryPolicy retry = new RetryPolicy(settings.maxAttempts());

        // The use cases (inbound ports), exactly as the app's Guice modules build them.
        ReceiveWebhook receiver = new WebhookReceiver(
                new Router(tenants, platform, new InMemoryPersons()),
                store,
                new InMemoryRateLimiter(),
                notifier,
                new InMemoryStandbyLog(),
                settings,
                clock);
        DeliverToTenants delivery = new DeliveryService(store.deliveryQueue(), tenants, agent, retry, notifier, clock);
        SendReplies replies = new ReplySender(store.outboundQueue(), tenants, whatsapp, platform, retry, clock);

        // One store with a Meta number (phone id 100000000000001) and its own access token.
        WhatsAppNumber storeNumber = new WhatsAppNumber(
                new PhoneNumber("+5511999991111"),
                Optional.of("100000000000001"),
                Provider.FACEBOOK,
                Optional.of(new Secret("store-token")),
                Optional.empty(),
                Optional.empty(),
                NumberStatus.ACTIVE,
                Optional.empty());
        tenants.insert(new Tenant(
                new TenantId("moda-brasil"),
                "moda-brasil",
                URI.create("http://moda.internal:3000"),
                new Secret("instance-secret"),
                Optional.of(storeNumber),
                clock.instant(),
                clock.instant()));

        // A customer writes to the store's number (what the Meta webhook adapter would hand over).
        InboundMessage message = new InboundMessage(
                Provider.FACEBOOK,
                "wamid.HBgM001",
                "5511988887777",
                new Destination(Optional.of("100000000000001"), "5511999991111"),
                clock.instant(),
                MessageContent.text("Olá, tem a camiseta azul?"),
                Optional.of("Ana"));
        BatchReceipt receipt = receiver.receive(new InboundBatch(List.of(message), List.of()));

        // What the app's workers do in a loop: deliver due messages, then send due reply parts.
        delivery.claimDue(10).forEach(delivery::deliver);
        replies.claimDue(10).forEach(replies::send);

        assertThat(receipt).isEqualTo(new BatchReceipt(1, 0, 0, 0, 0));
        assertThat(agent.requests()).singleElement().satisfies(request -> {
            assertThat(request.tenantId()).isEqualTo(new TenantId("moda-brasil"));
            assertThat(request.role()).isEqualTo(Role.CUSTOMER);
            assertThat(request.threadId()).isEqualTo("+5511988887777");
            assertThat(request.content().text()).isEqualTo("Olá, tem a camiseta azul?");
        });
        assertThat(agent.calls().get(0).endpoint().instanceSecret().reveal()).isEqualTo("instance-secret");
        List<OutboundText> sent = whatsapp.sent();
        assertThat(sent).singleElement().satisfies(text -> {
            assertThat(text.text()).isEqualTo("Temos sim! Tamanhos P, M e G.");
            assertThat(text.to()).isEqualTo("5511988887777");
            assertThat(text.from().phoneId()).contains("100000000000001");
            assertThat(text.from().accessToken().map(Secret::reveal)).contains("store-token");
        });
        assertThat(delivery.claimDue(10)).isEmpty();
        assertThat(replies.claimDue(10)).isEmpty();
    }

    @Test
    void anOwnerRegisteredWithAOneTimeCodeIsRoutedAsAdminAndAnsweredFromThePlatformNumber() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-24T12:00:00Z"));
        InMemoryTenants tenants = new InMemoryTenants(); // also the AdminPhoneRepository
        InMemoryMessageStore store = new InMemoryMessageStore(clock);
        RecordingTenantAgent agent = new RecordingTenantAgent().thenReply("Vendas de hoje: 12 pedidos.");
        RecordingSender whatsapp = new RecordingSender();
        List<VerificationCode> codes = new ArrayList<>();
        VerificationCodeSender codeSender = code -> {
            codes.add(code);
            return new SendOutcome.Accepted("wamid.code-" + codes.size());
        };
        PlatformAccount platform = new PlatformAccount(
                Provider.FACEBOOK,
                Optional.of("900000000000001"),
                Optional.of(new PhoneNumber("+15550001111")),
                Optional.of(new Secret("platform-token")),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
        DeliverySettings settings = DeliverySettings.defaults();
        RetryPolicy retry = new RetryPolicy(settings.maxAttempts());
        WorkNotifier notifier = () -> {};
        RegisterAdminPhone registration = new AdminPhoneRegistration(
                tenants,
                tenants,
                tenants,
                new InMemoryOtpStore(),
                new CodeSending(codeSender, platform, new OtpSettings(Optional.empty(), "pt_BR", Optional.empty())),
                "a secret key of at least 16 bytes".getBytes(StandardCharsets.UTF_8),
                clock);
        ReceiveWebhook receiver = new WebhookReceiver(
                new Router(tenants, platform, new InMemoryPersons()),
                store,
                new InMemoryRateLimiter(),
                notifier,
                new InMemoryStandbyLog(),
                settings,
                clock);
        DeliverToTenants delivery = new DeliveryService(store.deliveryQueue(), tenants, agent, retry, notifier, clock);
        SendReplies replies = new ReplySender(store.outboundQueue(), tenants, whatsapp, platform, retry, clock);
        TenantId moda = new TenantId("moda-brasil");
        tenants.insert(new Tenant(
                moda,
                "moda-brasil",
                URI.create("http://moda.internal:3000"),
                new Secret("instance-secret"),
                Optional.empty(),
                clock.instant(),
                clock.instant()));

        // The owner asks for a code, receives it on WhatsApp from the platform number, and confirms it.
        registration.requestCode(new RegisterAdminPhone.RequestCode(moda, "+55 (11) 99991-1111", "user-1"));
        assertThat(codes).singleElement().satisfies(code -> {
            assertThat(code.to()).isEqualTo("+5511999911111");
            assertThat(code.from().phoneId()).contains("900000000000001");
            assertThat(code.code()).matches("[0-9]{6}");
        });
        AdminPhone owner = registration.confirm(new RegisterAdminPhone.ConfirmCode(
                moda, "+5511999911111", codes.get(0).code(), "user-1"));
        assertThat(owner.phone()).isEqualTo(new PhoneNumber("+5511999911111"));

        // The owner then writes to the platform number (Meta spells the sender as digits).
        InboundMessage message = new InboundMessage(
                Provider.FACEBOOK,
                "wamid.OWNER1",
                "5511999911111",
                new Destination(Optional.of("900000000000001"), "15550001111"),
                clock.instant(),
                MessageContent.text("Como foram as vendas?"),
                Optional.of("Dona Maria"));
        receiver.receive(new InboundBatch(List.of(message), List.of()));
        delivery.claimDue(10).forEach(delivery::deliver);
        replies.claimDue(10).forEach(replies::send);

        assertThat(agent.requests()).singleElement().satisfies(request -> {
            assertThat(request.tenantId()).isEqualTo(moda);
            assertThat(request.role()).isEqualTo(Role.ADMIN);
        });
        assertThat(whatsapp.sent()).singleElement().satisfies(text -> {
            assertThat(text.text()).isEqualTo("Vendas de hoje: 12 pedidos.");
            assertThat(text.from().phoneId()).contains("900000000000001");
            assertThat(text.from().accessToken().map(Secret::reveal)).contains("platform-token");
            assertThat(text.to()).isEqualTo("5511999911111");
        });
    }
}
