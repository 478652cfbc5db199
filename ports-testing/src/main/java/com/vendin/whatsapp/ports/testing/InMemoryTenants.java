package com.vendin.whatsapp.ports.testing;

import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.AdminPhone;
import com.vendin.whatsapp.ports.tenant.AdminPhoneRepository;
import com.vendin.whatsapp.ports.tenant.Tenant;
import com.vendin.whatsapp.ports.tenant.TenantDirectory;
import com.vendin.whatsapp.ports.tenant.TenantId;
import com.vendin.whatsapp.ports.tenant.TenantRepository;
import com.vendin.whatsapp.ports.tenant.WhatsAppNumber;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Tenants and admin phones in memory, with the repository's unique rules: {@code tenant_exists},
 * {@code subdomain_taken}, {@code phone_number_taken} (number or Meta phone id held by another tenant),
 * {@code phone_already_registered}. Deleting a tenant deletes its admin phones.
 */
public final class InMemoryTenants implements TenantRepository, TenantDirectory, AdminPhoneRepository {
    private final Map<TenantId, Tenant> tenants = new LinkedHashMap<>();
    private final List<AdminPhone> admins = new ArrayList<>();

    @Override
    public synchronized void insert(Tenant tenant) {
        if (tenants.containsKey(tenant.id())) {
            throw GatewayRejection.conflict("tenant_exists", "tenant " + tenant.id() + " exists");
        }
        checkUnique(tenant);
        tenants.put(tenant.id(), tenant);
    }

    @Override
    public synchronized boolean update(Tenant tenant) {
        if (!tenants.containsKey(tenant.id())) {
            return false;
        }
        checkUnique(tenant);
        tenants.put(tenant.id(), tenant);
        return true;
    }

    @Override
    public synchronized Optional<Tenant> findById(TenantId id) {
        return Optional.ofNullable(tenants.get(id));
    }

    @Override
    public synchronized List<Tenant> list(int limit) {
        return tenants.values().stream()
                .sorted(Comparator.comparing(t -> t.id().value()))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized boolean delete(TenantId id) {
        admins.removeIf(a -> a.tenantId().equals(id));
        return tenants.remove(id) != null;
    }

    @Override
    public synchronized Optional<Tenant> findByPhoneId(String phoneId) {
        return findBy(n -> n.phoneId().orElse(null), phoneId);
    }

    @Override
    public synchronized Optional<Tenant> findByNumber(PhoneNumber number) {
        return findBy(WhatsAppNumber::phoneNumber, number);
    }

    @Override
    public synchronized Optional<AdminPhone> findAdminByPhone(PhoneNumber phone) {
        return admins.stream().filter(a -> a.phone().equals(phone)).findFirst();
    }

    @Override
    public synchronized void add(AdminPhone phone) {
        if (!tenants.containsKey(phone.tenantId())) {
            throw GatewayRejection.notFound("tenant_not_found", "no tenant " + phone.tenantId());
        }
        if (findAdminByPhone(phone.phone()).isPresent()) {
            throw GatewayRejection.conflict("phone_already_registered", phone.phone() + " is registered");
        }
        admins.add(phone);
    }

    @Override
    public synchronized List<AdminPhone> listFor(TenantId tenantId) {
        return admins.stream().filter(a -> a.tenantId().equals(tenantId)).toList();
    }

    @Override
    public synchronized boolean remove(TenantId tenantId, PhoneNumber phone) {
        return admins.removeIf(a -> a.tenantId().equals(tenantId) && a.phone().equals(phone));
    }

    private void checkUnique(Tenant tenant) {
        for (Tenant other : tenants.values()) {
            if (other.id().equals(tenant.id())) {
                continue;
            }
            if (other.subdomain().equals(tenant.subdomain())) {
                throw GatewayRejection.conflict("subdomain_taken", "subdomain " + tenant.subdomain() + " is taken");
            }
            if (tenant.whatsapp().isPresent()
                    && other.whatsapp().isPresent()
                    && clash(tenant.whatsapp().get(), other.whatsapp().get())) {
                throw GatewayRejection.conflict("phone_number_taken", "the WhatsApp number is taken");
            }
        }
    }

    private static boolean clash(WhatsAppNumber a, WhatsAppNumber b) {
        return a.phoneNumber().equals(b.phoneNumber())
                || a.phoneId().isPresent() && a.phoneId().equals(b.phoneId());
    }

    private <T> Optional<Tenant> findBy(Function<WhatsAppNumber, T> key, T value) {
        Objects.requireNonNull(value, "value");
        return tenants.values().stream()
                .filter(t -> t.whatsapp().map(key).filter(value::equals).isPresent())
                .findFirst();
    }
}
