package com.vendin.whatsapp.ports.status;

import com.vendin.whatsapp.ports.delivery.TenantEndpoint;

/** Posts one status event to a tenant's instance, signed (CONTRACT §3.4); never throws for HTTP failures. */
public interface StatusNotifier {
    NotifyOutcome notify(TenantEndpoint endpoint, TenantStatusEvent event);
}
