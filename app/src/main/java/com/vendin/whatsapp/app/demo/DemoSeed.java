package com.vendin.whatsapp.app.demo;

import com.vendin.whatsapp.app.Gateway;
import com.vendin.whatsapp.domain.phone.PhoneNumbers;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.tenant.AdminPhone;
import com.vendin.whatsapp.ports.tenant.AdminPhoneRepository;
import com.vendin.whatsapp.ports.tenant.ManageTenants;
import com.vendin.whatsapp.ports.tenant.Tenant;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The seed's three stores, each with its number, its owner's phone and the built-in agent as its instance. */
public final class DemoSeed {
    /** One demo store; {@code phoneId} is empty for a Twilio number. */
    public record Store(
            String id, String name, String number, Provider provider, Optional<String> phoneId, String owner) {}

    /** Two stores on Meta and one on Twilio's main account, so both webhooks can be tried. */
    public static final List<Store> STORES = List.of(
            new Store(
                    "moda-brasil",
                    "Moda Brasil",
                    "+5511999911111",
                    Provider.FACEBOOK,
                    Optional.of("100000000000001"),
                    "+5511977771111"),
            new Store(
                    "tech-store",
                    "Tech Store",
                    "+5511999922222",
                    Provider.FACEBOOK,
                    Optional.of("100000000000002"),
                    "+5511977772222"),
            new Store(
                    "cafe-aroma", "Cafe Aroma", "+5511999933333", Provider.TWILIO, Optional.empty(), "+5511977773333"));

    private DemoSeed() {}

    /**
     * Creates the stores on {@code gateway} (a fresh database), pointing their instances at its demo agents, and
     * tells the agents the gateway's address and the stores' instanceSecrets (in memory only).
     */
    public static void seed(Gateway gateway) {
        ManageTenants tenants = gateway.instance(ManageTenants.class);
        AdminPhoneRepository owners = gateway.instance(AdminPhoneRepository.class);
        DemoStores known = gateway.instance(DemoStores.class);
        String base = "http://127.0.0.1:" + gateway.port();
        known.listeningOn(base);
        Instant now = Instant.now();
        for (Store store : STORES) {
            Tenant tenant = tenants.create(new ManageTenants.CreateTenant(
                    Optional.of(store.id()),
                    store.id(),
                    base + DemoRoutes.AGENTS + store.id(),
                    Optional.of(new ManageTenants.WhatsAppInput(
                            Optional.of(store.number()),
                            store.phoneId(),
                            Optional.of(store.provider()),
                            Optional.empty(),
                            Optional.empty(),
                            Optional.empty()))));
            known.seeded(store.id(), tenant.instanceSecret());
            owners.add(new AdminPhone(
                    "owner-" + store.id(),
                    new TenantId(store.id()),
                    "owner-" + store.id(),
                    PhoneNumbers.parse(store.owner()),
                    "owner",
                    now,
                    now));
        }
    }
}
