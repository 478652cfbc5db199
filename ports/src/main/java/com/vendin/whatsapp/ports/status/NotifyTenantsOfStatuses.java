package com.vendin.whatsapp.ports.status;

import java.util.List;

/** Use case: tell tenants when their outbound parts change state (CONTRACT §3.4), retried like deliveries. */
public interface NotifyTenantsOfStatuses {
    List<TenantStatusEvent> claimDue(int max);

    void notify(TenantStatusEvent event);
}
