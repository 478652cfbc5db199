package com.vendin.whatsapp.ports.query;

import com.vendin.whatsapp.ports.tenant.TenantId;
import java.util.List;

/** Reads the message records for operators. */
public interface MessageQueries {

    /** The tenant's inbound messages and outbound parts together, newest first. */
    List<MessageView> forTenant(TenantId tenantId, int limit);

    /** Unroutable messages, newest first. */
    List<UnroutableView> unroutable(int limit);
}
