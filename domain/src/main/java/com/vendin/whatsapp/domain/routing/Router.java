package com.vendin.whatsapp.domain.routing;

import com.vendin.whatsapp.domain.PlatformAccount;
import com.vendin.whatsapp.domain.phone.PhoneNumbers;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.inbound.Destination;
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
 * Decides which tenant a message belongs to and in which role (CONTRACT §2.3): the platform number
 * means an admin writing, found by the sender; any other number means a customer, found by the
 * destination's Meta phone id, else its number. Failures of the directory propagate.
 */
public final class Router {
    private final TenantDirectory directory;
    private final PlatformAccount platform;

    public Router(TenantDirectory directory, PlatformAccount platform) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.platform = Objects.requireNonNull(platform, "platform");
    }

    /** Routes one message; an unreadable sender or a missing tenant is an {@link RoutingDecision.Unroutable}. */
    public RoutingDecision route(InboundMessage message) {
        Optional<PhoneNumber> sender = tryParseCanonical(message.from());
        if (sender.isEmpty()) {
            return new RoutingDecision.Unroutable(UnroutableReason.INVALID_SENDER);
        }
        PhoneNumber thread = sender.get();
        Destination to = message.to();
        Optional<PhoneNumber> destination = tryParseCanonical(to.number());
        if (isPlatformNumber(to.phoneId(), destination)) {
            return firstFound(thread, directory::findAdminByPhone)
                    .<RoutingDecision>map(admin -> new RoutingDecision.Routed(admin.tenantId(), Role.ADMIN, thread))
                    .orElse(new RoutingDecision.Unroutable(UnroutableReason.UNREGISTERED_ADMIN));
        }
        return findStore(to.phoneId(), destination)
                .<RoutingDecision>map(tenant -> new RoutingDecision.Routed(tenant.id(), Role.CUSTOMER, thread))
                .orElse(new RoutingDecision.Unroutable(UnroutableReason.UNKNOWN_STORE_NUMBER));
    }

    private boolean isPlatformNumber(Optional<String> phoneId, Optional<PhoneNumber> destination) {
        if (phoneId.isPresent() && phoneId.equals(platform.metaPhoneId())) {
            return true;
        }
        return destination.isPresent()
                && (isSame(destination.get(), platform.metaNumber()) || isSame(destination.get(), platform.twilioFrom()));
    }

    private static boolean isSame(PhoneNumber canonicalDestination, Optional<PhoneNumber> platformNumber) {
        return platformNumber.map(PhoneNumbers::canonical).filter(canonicalDestination::equals).isPresent();
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
        try {
            return Optional.of(PhoneNumbers.parseCanonical(raw));
        } catch (GatewayRejection e) {
            return Optional.empty();
        }
    }
}
