package com.vendin.whatsapp.ports.numbers;

import java.util.Arrays;
import java.util.Optional;

/** Where a pool number stands: free to hand out, held by a tenant, or kept back by an operator. */
public enum PoolStatus {
    AVAILABLE("available"),
    ASSIGNED("assigned"),
    RESERVED("reserved");

    private final String wireName;

    PoolStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<PoolStatus> fromWire(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }
}
