package com.vendin.whatsapp.domain.routing;

import com.vendin.whatsapp.domain.PlatformAccount;
import com.vendin.whatsapp.domain.phone.PhoneNumbers;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.identity.Person;
import com.vendin.whatsapp.ports.identity.PersonDirectory;
import com.vendin.whatsapp.ports.identity.SenderIds;
import com.vendin.whatsapp.ports.identity.UserIds;
import com.vendin.whatsapp.ports.inbound.Destination;
import com.vendin.whatsapp.ports.inbound.IdentityChange;
import com.vendin.whatsapp.ports.inbound.InboundMessage;
import com.vendin.whatsapp.ports.inbound.Role;
import com.vendin.whatsapp.ports.inbound.RoutingDecision;
import com.vendin.whatsapp.ports.inbound.UnroutableReason;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.Tenant;
import com.vendin.whatsapp.ports.tenant.TenantDirectory;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides which tenant a message belongs to, in which role and in which thread (CONTRACT §2.3, §2.4): the
 * platform number means an admin writing, found by the sender's phone; any other number means a customer,
 * found by the destination's Meta phone id, else its number. The thread comes from the {@link PersonDirectory}
 * of the number written to, so a person who writes with a phone, a BSUID or both stays in one thread.
 * Failures of the directories propagate.
 */
public final class Router {
    private static final System.Logger LOG = System.getLogger(Router.class.getName());

    private final TenantDirectory directory;
    private final PlatformAccount platform;
    private final PersonDirectory persons;

    /** A router that remembers nobody: threads are phones, else {@code user:<BSUID>}. */
    public Router(TenantDirectory directory, PlatformAccount platform) {
        this(directory, platform, PersonDirectory.stateless());
    }

    public Router(TenantDirectory directory, PlatformAccount platform, PersonDirectory persons) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.platform = Objects.requireNonNull(platform, "platform");
        this.persons = Objects.requireNonNull(persons, "persons");
    }

    /**
     * Routes one message; a sender with neither a readable phone nor a BSUID, or a missing tenant, is an
     * {@link RoutingDecision.Unroutable}. A routed message's sender is remembered on the number written to.
     */
    public RoutingDecision route(InboundMessage message) {
        Optional<SenderIds> sender = senderIds(message);
        if (sender.isEmpty()) {
            return new RoutingDecision.Unroutable(UnroutableReason.INVALID_SENDER);
        }
        SenderIds ids = sender.get();
        Destination to = message.to();
        Optional<PhoneNumber> destination = tryParseCanonical(to.number());
        Optional<String> numberKey = numberKey(to.phoneId(), destination);
        if (isPlatformNumber(to.phoneId(), destination)) {
            return routeAdmin(message, ids, numberKey);
        }
        Optional<Tenant> store = findStore(to.phoneId(), destination);
        if (store.isEmpty()) {
            return new RoutingDecision.Unroutable(UnroutableReason.UNKNOWN_STORE_NUMBER);
        }
        Person person = remember(numberKey, ids, message);
        return new RoutingDecision.Routed(
                store.get().id(), Role.CUSTOMER, person.threadId(), ids.phone().or(person::phone));
    }

    /**
     * An owner is recognised by phone (one-time codes go to phones only). A message with a BSUID and no phone
     * is recognised when an earlier message on the platform number paired that BSUID with a registered phone.
     */
    private RoutingDecision routeAdmin(InboundMessage message, SenderIds ids, Optional<String> numberKey) {
        Optional<PhoneNumber> phone = ids.phone()
                .or(() -> numberKey
                        .flatMap(key -> ids.userId().flatMap(userId -> persons.findByUserId(key, userId)))
                        .flatMap(Person::phone));
        if (phone.isEmpty()) {
            return new RoutingDecision.Unroutable(UnroutableReason.UNREGISTERED_ADMIN);
        }
        PhoneNumber thread = phone.get();
        return firstFound(thread, directory::findAdminByPhone)
                .<RoutingDecision>map(admin -> {
                    remember(numberKey, ids, message);
                    return new RoutingDecision.Routed(admin.tenantId(), Role.ADMIN, thread);
                })
                .orElse(new RoutingDecision.Unroutable(UnroutableReason.UNREGISTERED_ADMIN));
    }

    private Person remember(Optional<String> numberKey, SenderIds ids, InboundMessage message) {
        return numberKey
                .map(key -> persons.resolve(key, ids, message.providerTimestamp()))
                .orElseGet(() -> PersonDirectory.stateless().resolve("", ids, message.providerTimestamp()));
    }

    /**
     * Applies a {@code user_changed_user_id} / {@code user_changed_number} system message to the people of the
     * number it came to; one that names too little to act on is logged and ignored.
     */
    public void apply(IdentityChange change) {
        Optional<String> numberKey =
                numberKey(change.to().phoneId(), tryParseCanonical(change.to().number()));
        if (numberKey.isEmpty()) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "identity change " + change.providerMessageId() + " names no business number; ignored");
            return;
        }
        Optional<String> previousUserId = change.previousUserId().flatMap(UserIds::parse);
        Optional<String> newUserId = change.newUserId().flatMap(UserIds::parse);
        switch (change.kind()) {
            case USER_CHANGED_USER_ID -> {
                if (previousUserId.isPresent() && newUserId.isPresent()) {
                    persons.changeUserId(numberKey.get(), previousUserId.get(), newUserId.get(), change.timestamp());
                } else {
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "user_changed_user_id " + change.providerMessageId() + " without both user ids; ignored");
                }
            }
            case USER_CHANGED_NUMBER -> {
                Optional<PhoneNumber> newPhone = change.newPhone().flatMap(Router::tryParseCanonical);
                Optional<PhoneNumber> previousPhone = change.previousPhone().flatMap(Router::tryParseCanonical);
                if (newPhone.isPresent() && (previousPhone.isPresent() || previousUserId.isPresent())) {
                    persons.changeNumber(
                            numberKey.get(),
                            previousPhone,
                            previousUserId,
                            newPhone.get(),
                            newUserId,
                            change.timestamp());
                } else {
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "user_changed_number " + change.providerMessageId()
                                    + " without the old and the new identity; ignored");
                }
            }
        }
    }

    /**
     * Who wrote: the canonical phone of {@code from} (unless it is a BSUID, which Meta and Twilio sometimes put
     * there), the BSUID, the parent BSUID and the username; empty when there is neither a phone nor a BSUID.
     */
    public static Optional<SenderIds> senderIds(InboundMessage message) {
        Optional<String> userIdInFrom = UserIds.parse(message.from());
        Optional<PhoneNumber> phone = userIdInFrom.isPresent() ? Optional.empty() : tryParseCanonical(message.from());
        Optional<String> userId = message.userId().flatMap(UserIds::parse).or(() -> userIdInFrom);
        if (phone.isEmpty() && userId.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SenderIds(
                phone,
                userId,
                message.parentUserId().flatMap(UserIds::parse),
                message.username().filter(u -> !u.isBlank())));
    }

    /** The key of the people of a business number: its Meta phone id, else its canonical number. */
    static Optional<String> numberKey(Optional<String> phoneId, Optional<PhoneNumber> destination) {
        return phoneId.filter(id -> !id.isBlank())
                .map(PersonDirectory::metaKey)
                .or(() -> destination.map(PersonDirectory::numberKey));
    }

    private boolean isPlatformNumber(Optional<String> phoneId, Optional<PhoneNumber> destination) {
        if (phoneId.isPresent() && phoneId.equals(platform.metaPhoneId())) {
            return true;
        }
        return destination.isPresent()
                && (isSame(destination.get(), platform.metaNumber())
                        || isSame(destination.get(), platform.twilioFrom()));
    }

    private static boolean isSame(PhoneNumber canonicalDestination, Optional<PhoneNumber> platformNumber) {
        return platformNumber
                .map(PhoneNumbers::canonical)
                .filter(canonicalDestination::equals)
                .isPresent();
    }

    private Optional<Tenant> findStore(Optional<String> phoneId, Optional<PhoneNumber> destination) {
        Optional<Tenant> byPhoneId = phoneId.flatMap(directory::findByPhoneId);
        if (byPhoneId.isPresent()) {
            return byPhoneId;
        }
        return destination.flatMap(number -> firstFound(number, directory::findByNumber));
    }

    private static <T> Optional<T> firstFound(PhoneNumber number, Function<PhoneNumber, Optional<T>> lookup) {
        for (PhoneNumber spelling : PhoneNumbers.spellings(number)) {
            Optional<T> found = lookup.apply(spelling);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<PhoneNumber> tryParseCanonical(String raw) {
        if (UserIds.parse(raw).isPresent()) {
            return Optional.empty();
        }
        try {
            return Optional.of(PhoneNumbers.parseCanonical(raw));
        } catch (GatewayRejection e) {
            return Optional.empty();
        }
    }
}
