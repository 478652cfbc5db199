package com.vendin.whatsapp.domain.tenants;

import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.common.Secret;
import com.vendin.whatsapp.ports.tenant.ManageTenants;
import com.vendin.whatsapp.ports.tenant.Tenant;
import com.vendin.whatsapp.ports.tenant.TenantDirectory;
import com.vendin.whatsapp.ports.tenant.TenantId;
import com.vendin.whatsapp.ports.tenant.TenantRepository;
import com.vendin.whatsapp.ports.tenant.WhatsAppNumber;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates, reads, changes and deletes tenants (CONTRACT §5.1), validating what the admin client sent
 * and checking that ids, subdomains and numbers stay unique (the repository enforces them again).
 */
public final class TenantService implements ManageTenants {
    private final TenantRepository repository;
    private final TenantDirectory directory;
    private final Clock clock;
    private static final int MAX_ID_LENGTH = 64;

    private final InstanceSecrets secrets = new InstanceSecrets();

    public TenantService(TenantRepository repository, TenantDirectory directory, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Tenant create(CreateTenant command) {
        String subdomain = TenantInputs.subdomain(command.subdomain());
        URI instanceUrl = TenantInputs.instanceUrl(command.instanceUrl());
        TenantId id = command.id().isPresent() ? TenantInputs.id(command.id(), subdomain) : freeIdFor(subdomain);
        Optional<WhatsAppNumber> whatsapp = command.whatsapp().map(w -> WhatsAppInputs.merge(Optional.empty(), w));
        Optional<Tenant> existing = repository.findById(id);
        if (existing.isPresent()) {
            throw existing.get().subdomain().equals(subdomain)
                    ? subdomainTaken(subdomain)
                    : GatewayRejection.conflict("tenant_exists", "A tenant with id '" + id + "' already exists.");
        }
        whatsapp.ifPresent(number -> checkNumberFree(id, number));
        Instant now = clock.instant();
        Tenant tenant = new Tenant(id, subdomain, instanceUrl, secrets.next(), whatsapp, now, now);
        repository.insert(tenant);
        return tenant;
    }

    /**
     * The id of a tenant created without one: its subdomain, unless a tenant whose subdomain has since changed
     * holds that id; then the subdomain with the first free {@code -2}, {@code -3}, ... suffix. A subdomain that
     * is itself taken keeps the plain id, so the create answers {@code subdomain_taken}.
     */
    private TenantId freeIdFor(String subdomain) {
        TenantId plain = new TenantId(subdomain);
        Optional<Tenant> holder = repository.findById(plain);
        if (holder.isEmpty() || holder.get().subdomain().equals(subdomain)) {
            return plain;
        }
        for (int n = 2; ; n++) {
            String suffix = "-" + n;
            String base = subdomain.length() + suffix.length() > MAX_ID_LENGTH
                    ? subdomain.substring(0, MAX_ID_LENGTH - suffix.length())
                    : subdomain;
            TenantId candidate = new TenantId(base + suffix);
            if (repository.findById(candidate).isEmpty()) {
                return candidate;
            }
        }
    }

    private static GatewayRejection subdomainTaken(String subdomain) {
        return GatewayRejection.conflict(
                "subdomain_taken", "The subdomain '" + subdomain + "' belongs to another tenant.");
    }

    @Override
    public Tenant get(TenantId id) {
        return repository.findById(id).orElseThrow(() -> notFound(id));
    }

    @Override
    public Tenant update(TenantId id, UpdateTenant command) {
        Tenant current = get(id);
        if (command.removeWhatsapp() && command.whatsapp().isPresent()) {
            throw GatewayRejection.invalid(
                    "invalid_request", "Give either whatsapp fields or remove the number, not both.");
        }
        String subdomain = command.subdomain().map(TenantInputs::subdomain).orElse(current.subdomain());
        URI instanceUrl = command.instanceUrl().map(TenantInputs::instanceUrl).orElse(current.instanceUrl());
        Optional<WhatsAppNumber> whatsapp = command.removeWhatsapp()
                ? Optional.empty()
                : command.whatsapp()
                        .map(w -> WhatsAppInputs.merge(current.whatsapp(), w))
                        .or(current::whatsapp);
        whatsapp.ifPresent(number -> checkNumberFree(id, number));
        Tenant updated = new Tenant(
                id, subdomain, instanceUrl, current.instanceSecret(), whatsapp, current.createdAt(), clock.instant());
        store(updated);
        return updated;
    }

    @Override
    public void delete(TenantId id) {
        if (!repository.delete(id)) {
            throw notFound(id);
        }
    }

    @Override
    public Secret rotateInstanceSecret(TenantId id) {
        Tenant current = get(id);
        Secret fresh = secrets.next();
        store(new Tenant(
                id,
                current.subdomain(),
                current.instanceUrl(),
                fresh,
                current.whatsapp(),
                current.createdAt(),
                clock.instant()));
        return fresh;
    }

    private void store(Tenant tenant) {
        if (!repository.update(tenant)) {
            throw notFound(tenant.id());
        }
    }

    private void checkNumberFree(TenantId id, WhatsAppNumber number) {
        boolean numberTaken = directory
                .findByNumber(number.phoneNumber())
                .filter(t -> !t.id().equals(id))
                .isPresent();
        boolean phoneIdTaken = number.phoneId()
                .flatMap(directory::findByPhoneId)
                .filter(t -> !t.id().equals(id))
                .isPresent();
        if (numberTaken) {
            throw GatewayRejection.conflict(
                    "phone_number_taken",
                    "The WhatsApp number " + number.phoneNumber() + " already belongs to another tenant.");
        }
        if (phoneIdTaken) {
            throw GatewayRejection.conflict(
                    "phone_number_taken",
                    "The phone id " + number.phoneId().orElse("") + " already belongs to another tenant.");
        }
    }

    private static GatewayRejection notFound(TenantId id) {
        return GatewayRejection.notFound("tenant_not_found", "No tenant with id '" + id + "'.");
    }

    @Override
    public List<Tenant> list(int limit) {
        return limit <= 0 ? List.of() : repository.list(limit);
    }
}
