package com.vendin.whatsapp.domain.send;

import com.vendin.whatsapp.domain.delivery.RichReply;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.delivery.MediaProbe;
import com.vendin.whatsapp.ports.delivery.OutboundContent;
import com.vendin.whatsapp.ports.delivery.ReplyRoute;
import com.vendin.whatsapp.ports.delivery.WorkNotifier;
import com.vendin.whatsapp.ports.identity.Person;
import com.vendin.whatsapp.ports.identity.PersonDirectory;
import com.vendin.whatsapp.ports.send.SendMessages;
import com.vendin.whatsapp.ports.send.SendReceipt;
import com.vendin.whatsapp.ports.send.SendRequest;
import com.vendin.whatsapp.ports.send.SendStore;
import com.vendin.whatsapp.ports.tenant.Tenant;
import com.vendin.whatsapp.ports.tenant.TenantRepository;
import com.vendin.whatsapp.ports.tenant.WhatsAppNumber;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Tenant-initiated messages (CONTRACT §3.2): checks the tenant, its number, the recipient, the items and the
 * 24-hour customer-service window, then queues the parts in the recipient's thread with the replies, from the
 * store's number. An idempotency key already used within 24 hours returns the first receipt and queues nothing.
 */
public final class TenantMessageService implements SendMessages {
    /** Free-form messages may go this long after the person's last message to the number. */
    public static final Duration SERVICE_WINDOW = Duration.ofHours(24);
    /** How long an idempotency key is remembered. */
    public static final Duration KEY_LIFETIME = Duration.ofHours(24);
    /** Items in one request, as in a rich reply (CONTRACT §3.1). */
    public static final int MAX_ITEMS = 10;

    private final TenantRepository tenants;
    private final PersonDirectory persons;
    private final SendStore store;
    private final WorkNotifier notifier;
    private final Clock clock;
    private final MediaProbe media;

    public TenantMessageService(
            TenantRepository tenants,
            PersonDirectory persons,
            SendStore store,
            WorkNotifier notifier,
            Clock clock,
            MediaProbe media) {
        this.media = Objects.requireNonNull(media, "media");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.persons = Objects.requireNonNull(persons, "persons");
        this.store = Objects.requireNonNull(store, "store");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The receipt of an earlier request of this tenant with the same idempotency key, if within 24 hours. */
    private Optional<SendReceipt> earlier(SendRequest request) {
        Instant notBefore = clock.instant().minus(KEY_LIFETIME);
        return request.idempotencyKey().flatMap(key -> store.findByKey(request.tenantId(), key, notBefore));
    }

    @Override
    public SendReceipt send(SendRequest request) {
        Tenant tenant = tenants.findById(request.tenantId())
                .orElseThrow(() -> GatewayRejection.notFound(
                        "tenant_not_found", "No tenant " + request.tenantId().value() + "."));
        WhatsAppNumber number = tenant.whatsapp()
                .orElseThrow(() -> GatewayRejection.conflict(
                        "tenant_has_no_number",
                        "Tenant " + tenant.id().value() + " has no WhatsApp number to send from; give it one first."));
        Optional<SendReceipt> earlier = earlier(request);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        List<SendStore.QueuedPart> parts = parts(request.items(), number.provider());
        Recipient to = Recipient.parse(request.to());
        String threadId = threadOf(number, to);
        if (request.replyTo().isPresent()
                && !store.hasInbound(tenant.id(), request.replyTo().get())) {
            throw GatewayRejection.notFound(
                    "reply_to_not_found",
                    "replyTo names no message this tenant received: "
                            + request.replyTo().get() + ".");
        }
        Instant now = clock.instant();
        checkWindow(request.items(), store.lastCustomerMessage(tenant.id(), threadId), now);
        ReplyRoute route = new ReplyRoute(
                number.provider(),
                false,
                number.provider() == Provider.FACEBOOK ? number.phoneId() : Optional.empty(),
                to.address(number.provider()));
        SendReceipt receipt = store.queue(new SendStore.QueuedSend(
                "snd_" + UUID.randomUUID().toString().replace("-", ""),
                tenant.id(),
                threadId,
                route,
                parts,
                request.replyTo(),
                request.idempotencyKey(),
                now,
                now.minus(KEY_LIFETIME)));
        notifier.workAvailable();
        return receipt;
    }

    /**
     * The thread the person has on the store's number (as Router chose it), else the one they would start. Router
     * keys people by what the webhook named the number with: Meta's phone id, or (Twilio, which sends none) the
     * number itself, also for a Twilio number stored with its SID as phone id; so both keys are looked up.
     */
    private String threadOf(WhatsAppNumber number, Recipient to) {
        List<String> numberKeys = new ArrayList<>();
        number.phoneId()
                .filter(id -> !id.isBlank())
                .map(PersonDirectory::metaKey)
                .ifPresent(numberKeys::add);
        numberKeys.add(PersonDirectory.numberKey(number.phoneNumber()));
        for (String numberKey : numberKeys) {
            Optional<Person> person = to.userId().isPresent()
                    ? persons.findByUserId(numberKey, to.userId().get())
                    : persons.findByPhone(numberKey, to.phone().orElseThrow());
            if (person.isPresent()) {
                return person.get().threadId();
            }
        }
        return to.newThreadId();
    }

    private static boolean isTemplate(OutboundContent item) {
        return item instanceof OutboundContent.MetaTemplate || item instanceof OutboundContent.TwilioTemplate;
    }

    /** The items checked and split as a rich reply's (CONTRACT §3.1), media URLs included; else a 400. */
    private List<SendStore.QueuedPart> parts(List<OutboundContent> items, Provider provider) {
        if (items.isEmpty() || items.size() > MAX_ITEMS) {
            throw GatewayRejection.invalid("invalid_message", "messages must hold 1 to " + MAX_ITEMS + " items.");
        }
        RichReply.Prepared prepared = RichReply.prepare(items, provider);
        if (prepared instanceof RichReply.Invalid invalid) {
            throw GatewayRejection.invalid("invalid_message", invalid.why() + ".");
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof OutboundContent.Media media) {
                Optional<String> problem = this.media.problem(provider, media);
                if (problem.isPresent()) {
                    throw GatewayRejection.invalid(
                            "invalid_message",
                            "message " + (i + 1) + " (" + media.type() + "): " + problem.get() + ".");
                }
            }
        }
        return ((RichReply.Parts) prepared)
                .parts().stream().map(SendStore.QueuedPart::new).toList();
    }

    private static void checkWindow(List<OutboundContent> items, Optional<Instant> lastMessage, Instant now) {
        boolean open = lastMessage
                .filter(last -> now.isBefore(last.plus(SERVICE_WINDOW)))
                .isPresent();
        if (!open && items.stream().anyMatch(item -> !isTemplate(item))) {
            throw GatewayRejection.conflict(
                    "outside_service_window",
                    lastMessage
                                    .map(last -> "The customer last wrote at " + last + ", more than 24 hours ago")
                                    .orElse("The customer has not written to this number")
                            + ": only templates can be sent to them now.");
        }
    }
}
