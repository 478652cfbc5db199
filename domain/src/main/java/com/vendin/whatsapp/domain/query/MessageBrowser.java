package com.vendin.whatsapp.domain.query;

import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.query.BrowseMessages;
import com.vendin.whatsapp.ports.query.MessageQueries;
import com.vendin.whatsapp.ports.query.MessageView;
import com.vendin.whatsapp.ports.query.UnroutableView;
import com.vendin.whatsapp.ports.tenant.TenantId;
import com.vendin.whatsapp.ports.tenant.TenantRepository;
import java.util.List;
import java.util.Objects;

/** Lists a tenant's messages and the unroutable ones for operators (CONTRACT §5.4), with limits kept to 1..500. */
public final class MessageBrowser implements BrowseMessages {
    public static final int MAX_LIMIT = 500;

    private final TenantRepository tenants;
    private final MessageQueries queries;

    public MessageBrowser(TenantRepository tenants, MessageQueries queries) {
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.queries = Objects.requireNonNull(queries, "queries");
    }

    @Override
    public List<MessageView> tenantMessages(TenantId tenantId, int limit) {
        if (tenants.findById(tenantId).isEmpty()) {
            throw GatewayRejection.notFound("tenant_not_found", "No tenant with id '" + tenantId + "'.");
        }
        return queries.forTenant(tenantId, clamp(limit));
    }

    @Override
    public List<UnroutableView> unroutable(int limit) {
        return queries.unroutable(clamp(limit));
    }

    static int clamp(int limit) {
        return Math.max(1, Math.min(MAX_LIMIT, limit));
    }
}
