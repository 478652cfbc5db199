package com.vendin.whatsapp.ports.tenant;

import java.util.Objects;
import java.util.regex.Pattern;

/** A tenant's (store's) identifier: 1 to 64 letters, digits, {@code -} or {@code _}, starting with a letter or digit. */
public record TenantId(String value) {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    public TenantId {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a tenant id: " + value);
        }
    }

    public static boolean isValid(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
