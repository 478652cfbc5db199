package com.vendin.whatsapp.ports.unroutable;

import com.vendin.whatsapp.ports.inbound.Role;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.util.Objects;

/** Use case: route a recorded unroutable message again, now that its store or admin phone may exist (CONTRACT §5.4). */
public interface RetryUnroutable {

    /**
     * Routes unroutable message {@code id} ({@code in-<n>}, or just {@code <n>}) again and, when it routes, queues it
     * for delivery like a new message. Rejections: {@code unroutable_not_found} (no such unroutable message),
     * {@code still_unroutable} (it still matches no tenant; the message names the reason).
     */
    Rerouted retry(String id);

    /** Where the message goes now. */
    record Rerouted(String id, String providerMessageId, TenantId tenantId, Role role, String threadId) {
        public Rerouted {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(providerMessageId, "providerMessageId");
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(threadId, "threadId");
        }
    }
}
