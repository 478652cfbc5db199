package com.vendin.whatsapp.http.support;

import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.query.BrowseMessages;
import com.vendin.whatsapp.ports.query.MessageView;
import com.vendin.whatsapp.ports.query.UnroutableView;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link BrowseMessages} over fixed lists that remembers the last limit it was asked for. */
public final class FakeBrowseMessages implements BrowseMessages {
    private final Map<TenantId, List<MessageView>> messages = new ConcurrentHashMap<>();
    private volatile List<UnroutableView> unroutable = List.of();
    private volatile int lastLimit;

    public void put(TenantId tenantId, List<MessageView> views) {
        messages.put(tenantId, List.copyOf(views));
    }

    public void unroutable(List<UnroutableView> views) {
        this.unroutable = List.copyOf(views);
    }

    public int lastLimit() {
        return lastLimit;
    }

    @Override
    public List<MessageView> tenantMessages(TenantId tenantId, int limit) {
        lastLimit = limit;
        List<MessageView> views = messages.get(tenantId);
        if (views == null) {
            throw GatewayRejection.notFound("tenant_not_found", "No tenant " + tenantId + ".");
        }
        return views;
    }

    @Override
    public List<UnroutableView> unroutable(int limit) {
        lastLimit = limit;
        return unroutable;
    }
}
