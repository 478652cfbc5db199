package com.vendin.whatsapp.domain.numbers;

import com.vendin.whatsapp.domain.phone.PhoneNumbers;
import com.vendin.whatsapp.ports.common.GatewayRejection;
import com.vendin.whatsapp.ports.numbers.ManageNumberPool;
import com.vendin.whatsapp.ports.numbers.NumberPool;
import com.vendin.whatsapp.ports.numbers.PoolNumber;
import com.vendin.whatsapp.ports.numbers.PoolStatus;
import com.vendin.whatsapp.ports.phone.PhoneNumber;
import com.vendin.whatsapp.ports.tenant.TenantId;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/** Validates pool requests and hands them to the {@link NumberPool}, whose claim is one atomic write. */
public final class NumberPoolService implements ManageNumberPool {
    private final NumberPool pool;
    private final Clock clock;

    public NumberPoolService(NumberPool pool, Clock clock) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public PoolNumber add(AddPoolNumber command) {
        PhoneNumber number = PhoneNumbers.parseCanonical(required(command.phoneNumber(), "phoneNumber"));
        String phoneId = required(command.phoneId(), "phoneId").strip();
        PoolStatus status = command.status().map(NumberPoolService::settable).orElse(PoolStatus.AVAILABLE);
        pool.add(number, phoneId, status, clock.instant());
        return pool.list().stream()
                .filter(n -> n.phoneNumber().equals(number))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("a number just added is not in the pool"));
    }

    @Override
    public PoolNumber setStatus(String phoneNumber, String status) {
        PhoneNumber number = PhoneNumbers.parseCanonical(required(phoneNumber, "phoneNumber"));
        return pool.setStatus(number, settable(required(status, "status")), clock.instant());
    }

    @Override
    public List<PoolNumber> list() {
        return pool.list();
    }

    @Override
    public PoolNumber assign(TenantId tenant) {
        return pool.assign(tenant, clock.instant());
    }

    @Override
    public void release(TenantId tenant) {
        pool.release(tenant, clock.instant());
    }

    /** {@code available} or {@code reserved}; {@code assigned} is reached only through an assignment. */
    private static PoolStatus settable(String raw) {
        PoolStatus status = PoolStatus.fromWire(raw)
                .orElseThrow(() -> GatewayRejection.invalid("invalid_status", "status must be available or reserved."));
        if (status == PoolStatus.ASSIGNED) {
            throw GatewayRejection.invalid(
                    "invalid_status",
                    "A number becomes assigned only through POST /api/v1/tenants/{id}/whatsapp/pool-assignment.");
        }
        return status;
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw GatewayRejection.invalid("invalid_request", "Field " + field + " is required.");
        }
        return value;
    }
}
