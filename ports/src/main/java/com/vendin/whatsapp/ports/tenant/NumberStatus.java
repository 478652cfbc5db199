package com.vendin.whatsapp.ports.tenant;

/** Whether a store's number can send, or needs its owner to re-authorise it (Meta code 190). */
public enum NumberStatus {
    ACTIVE("active"),
    REAUTH_REQUIRED("reauth_required");

    private final String wireName;

    NumberStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static NumberStatus fromWire(String name) {
        for (NumberStatus s : values()) {
            if (s.wireName.equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown number status: " + name);
    }
}
