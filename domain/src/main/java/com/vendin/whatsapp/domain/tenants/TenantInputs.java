package com.vendin.whatsapp.domain.tenants;

import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks the plain fields of a tenant as the admin client sent them. */
final class TenantInputs {
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    private TenantInputs() {}

    static String subdomain(String raw) {
        if (raw == null || !DNS_LABEL.matcher(raw).matches()) {
            throw GatewayRejection.invalid(
                    "invalid_subdomain",
                    "subdomain must be 1 to 63 lowercase letters, digits or hyphens, not starting or ending with a hyphen.");
        }
        return raw;
    }

    static URI instanceUrl(String raw) {
        URI uri = toUri(raw);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute()
                || !(scheme.equals("http") || scheme.equals("https"))
                || uri.getHost() == null
                || uri.getHost().isEmpty()) {
            throw invalidUrl();
        }
        return uri;
    }

    static TenantId id(Optional<String> raw, String subdomain) {
        if (raw.isEmpty()) {
            return new TenantId(subdomain);
        }
        if (!TenantId.isValid(raw.get())) {
            throw GatewayRejection.invalid(
                    "invalid_tenant_id",
                    "id must be 1 to 64 letters, digits, '-' or '_', starting with a letter or digit.");
        }
        return new TenantId(raw.get());
    }

    private static URI toUri(String raw) {
        if (raw == null || raw.isBlank()) {
            throw invalidUrl();
        }
        try {
            return new URI(raw.strip());
        } catch (URISyntaxException e) {
            throw invalidUrl();
        }
    }

    private static GatewayRejection invalidUrl() {
        return GatewayRejection.invalid(
                "invalid_url", "instanceUrl must be an absolute http or https URL with a host.");
    }
}
