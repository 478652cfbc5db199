package com.vendin.whatsapp.ports.query;

import com.vendin.whatsapp.ports.tenant.TenantId;
import java.util.List;

/** Use case: what happened to a tenant's messages, and which messages matched no tenant. */
public interface BrowseMessages {

    /** Newest first; {@code tenant_not_found} when there is no such tenant; {@code limit} is clamped to 1..500. */
    List<MessageView> tenantMessages(TenantId tenantId, int limit);

    List<UnroutableView> unroutable(int limit);
}
