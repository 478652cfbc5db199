package com.vendin.whatsapp.persistence.testing;

import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.inbound.Destination;
import com.vendin.whatsapp.ports.inbound.InboundMessage;
import com.vendin.whatsapp.ports.inbound.InboundState;
import com.vendin.whatsapp.ports.inbound.InboxEntry;
import com.vendin.whatsapp.ports.inbound.MessageContent;
import com.vendin.whatsapp.ports.inbound.Role;
import com.vendin.whatsapp.ports.inbound.RoutingDecision;
import com.vendin.whatsapp.ports.inbound.UnroutableReason;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.NumberStatus;
import com.vendin.whatsapp.ports.tenant.Tenant;
import com.vendin.whatsapp.ports.tenant.TenantId;
import com.vendin.whatsapp.ports.tenant.WhatsAppNumber;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/** Sample values for persistence tests. */
public final class Samples {
    public static final TenantId MODA = new TenantId("moda-brasil");
    public static final String STORE_NUMBER = "+5511933334444";
    public static final String STORE_PHONE_ID = "109876543210";

    private Samples() {}

    public static Tenant tenant(String id, String subdomain, Optional<WhatsAppNumber> number) {
        return new Tenant(
                new TenantId(id),
                subdomain,
                URI.create("https://" + subdomain + ".example.com"),
                new Secret("instance-secret-" + id),
                number,
                TestDatabases.T0,
                TestDatabases.T0);
    }

    public static WhatsAppNumber metaNumber(String e164, String phoneId, String token) {
        return new WhatsAppNumber(
                new PhoneNumber(e164),
                Optional.of(phoneId),
                Provider.FACEBOOK,
                Optional.of(new Secret(token)),
                Optional.empty(),
                Optional.empty(),
                NumberStatus.ACTIVE,
                Optional.of(TestDatabases.T0));
    }

    public static InboundMessage message(String providerId, String from, Instant providerTs, String text) {
        return new InboundMessage(
                Provider.FACEBOOK,
                providerId,
                from.substring(1),
                new Destination(Optional.of(STORE_PHONE_ID), STORE_NUMBER.substring(1)),
                providerTs,
                MessageContent.text(text),
                Optional.of("Ana"));
    }

    /** A routed customer message of {@link #MODA}, thread = sender. */
    public static InboxEntry routed(String providerId, String from, Instant providerTs) {
        return routed(MODA, providerId, from, providerTs, InboundState.RECEIVED);
    }

    public static InboxEntry routed(
            TenantId tenant, String providerId, String from, Instant providerTs, InboundState state) {
        return new InboxEntry(
                message(providerId, from, providerTs, "text of " + providerId),
                new RoutingDecision.Routed(tenant, Role.CUSTOMER, new PhoneNumber(from)),
                state);
    }

    public static InboxEntry unroutable(String providerId, String from, Instant providerTs) {
        return new InboxEntry(
                message(providerId, from, providerTs, "lost " + providerId),
                new RoutingDecision.Unroutable(UnroutableReason.UNKNOWN_STORE_NUMBER),
                InboundState.UNROUTABLE);
    }
}
