package com.vendin.whatsapp.ports.tenant;

import com.vendin.whatsapp.ports.common.Provider;
import com.vendin.whatsapp.ports.common.Secret;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Use case: create, read, change and delete tenants (CONTRACT §5.1). Inputs are raw as the admin
 * client sent them; the service validates and rejects with {@link com.vendin.whatsapp.ports.common.GatewayRejection}.
 */
public interface ManageTenants {

    Tenant create(CreateTenant command);

    Tenant get(TenantId id);

    Tenant update(TenantId id, UpdateTenant command);

    void delete(TenantId id);

    Secret rotateInstanceSecret(TenantId id);

    /** Up to {@code limit} tenants, for operators' overviews. */
    default List<Tenant> list(int limit) {
        throw new UnsupportedOperationException("listing tenants is not supported here");
    }

    /** The WhatsApp part of a create or update, as given. */
    record WhatsAppInput(
            Optional<String> phoneNumber,
            Optional<String> phoneId,
            Optional<Provider> provider,
            Optional<String> accessToken,
            Optional<String> twilioAccountSid,
            Optional<String> twilioAuthToken) {
        public WhatsAppInput {
            Objects.requireNonNull(phoneNumber, "phoneNumber");
            Objects.requireNonNull(phoneId, "phoneId");
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(accessToken, "accessToken");
            Objects.requireNonNull(twilioAccountSid, "twilioAccountSid");
            Objects.requireNonNull(twilioAuthToken, "twilioAuthToken");
        }
    }

    /** {@code POST /api/v1/tenants}. */
    record CreateTenant(Optional<String> id, String subdomain, String instanceUrl, Optional<WhatsAppInput> whatsapp) {
        public CreateTenant {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(whatsapp, "whatsapp");
        }
    }

    /**
     * {@code PATCH /api/v1/tenants/{id}}: absent fields stay as they are; a present {@code whatsapp}
     * is merged into the current number; {@code removeWhatsapp} (JSON {@code "whatsapp": null}) drops it.
     */
    record UpdateTenant(
            Optional<String> subdomain,
            Optional<String> instanceUrl,
            Optional<WhatsAppInput> whatsapp,
            boolean removeWhatsapp) {
        public UpdateTenant {
            Objects.requireNonNull(subdomain, "subdomain");
            Objects.requireNonNull(instanceUrl, "instanceUrl");
            Objects.requireNonNull(whatsapp, "whatsapp");
        }
    }
}
