package com.vendin.whatsapp.ports.numbers;

import com.vendin.whatsapp.ports.tenant.TenantId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Use case: the number pool of CONTRACT §5.3 option B; inputs raw as the admin client sent them. */
public interface ManageNumberPool {

    PoolNumber add(AddPoolNumber command);

    PoolNumber setStatus(String phoneNumber, String status);

    List<PoolNumber> list();

    PoolNumber assign(TenantId tenant);

    void release(TenantId tenant);

    /** {@code POST /api/v1/number-pool}. */
    record AddPoolNumber(String phoneNumber, String phoneId, Optional<String> status) {
        public AddPoolNumber {
            Objects.requireNonNull(status, "status");
        }
    }
}
