package com.vendin.whatsapp.http.support;

import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.ManageTenants;
import com.vendin.whatsapp.ports.tenant.NumberStatus;
import com.vendin.whatsapp.ports.tenant.Tenant;
import com.vendin.whatsapp.ports.tenant.TenantId;
import com.vendin.whatsapp.ports.tenant.WhatsAppNumber;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory {@link ManageTenants} that keeps the last command and can be told to reject the next call. */
public final class FakeManageTenants implements ManageTenants {
    public static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private final Map<TenantId, Tenant> tenants = new ConcurrentHashMap<>();
    private final AtomicInteger secrets = new AtomicInteger();
    private volatile RuntimeException nextFailure;
    private volatile CreateTenant lastCreate;
    private volatile UpdateTenant lastUpdate;

    public void failNextWith(RuntimeException e) {
        this.nextFailure = e;
    }

    public CreateTenant lastCreate() {
        return lastCreate;
    }

    public UpdateTenant lastUpdate() {
        return lastUpdate;
    }

    public void put(Tenant tenant) {
        tenants.put(tenant.id(), tenant);
    }

    public boolean contains(String id) {
        return tenants.containsKey(new TenantId(id));
    }

    @Override
    public Tenant create(CreateTenant command) {
        failIfTold();
        lastCreate = command;
        TenantId id = new TenantId(command.id().orElse("t-" + secrets.incrementAndGet()));
        Tenant tenant = new Tenant(
                id,
                command.subdomain(),
                URI.create(command.instanceUrl()),
                nextSecret(),
                command.whatsapp().map(FakeManageTenants::number),
                NOW,
                NOW);
        tenants.put(id, tenant);
        return tenant;
    }

    @Override
    public Tenant get(TenantId id) {
        failIfTold();
        Tenant tenant = tenants.get(id);
        if (tenant == null) {
            throw GatewayRejection.notFound("tenant_not_found", "No tenant " + id + ".");
        }
        return tenant;
    }

    @Override
    public Tenant update(TenantId id, UpdateTenant command) {
        lastUpdate = command;
        Tenant current = get(id);
        Optional<WhatsAppNumber> whatsapp = command.removeWhatsapp()
                ? Optional.empty()
                : command.whatsapp().map(FakeManageTenants::number).or(current::whatsapp);
        Tenant updated = new Tenant(
                id,
                command.subdomain().orElse(current.subdomain()),
                command.instanceUrl().map(URI::create).orElse(current.instanceUrl()),
                current.instanceSecret(),
                whatsapp,
                current.createdAt(),
                NOW.plusSeconds(60));
        tenants.put(id, updated);
        return updated;
    }

    @Override
    public void delete(TenantId id) {
        failIfTold();
        if (tenants.remove(id) == null) {
            throw GatewayRejection.notFound("tenant_not_found", "No tenant " + id + ".");
        }
    }

    @Override
    public Secret rotateInstanceSecret(TenantId id) {
        Tenant current = get(id);
        Secret fresh = nextSecret();
        tenants.put(
                id,
                new Tenant(
                        id,
                        current.subdomain(),
                        current.instanceUrl(),
                        fresh,
                        current.whatsapp(),
                        current.createdAt(),
                        current.updatedAt()));
        return fresh;
    }

    private Secret nextSecret() {
        return new Secret("instance-secret-" + secrets.incrementAndGet());
    }

    private void failIfTold() {
        RuntimeException failure = nextFailure;
        if (failure != null) {
            nextFailure = null;
            throw failure;
        }
    }

    private static WhatsAppNumber number(WhatsAppInput input) {
        return new WhatsAppNumber(
                new PhoneNumber(input.phoneNumber().orElse("+5511999990000")),
                input.phoneId(),
                input.provider().orElse(Provider.FACEBOOK),
                input.accessToken().map(Secret::new),
                input.twilioAccountSid(),
                input.twilioAuthToken().map(Secret::new),
                NumberStatus.ACTIVE,
                Optional.empty());
    }
}
