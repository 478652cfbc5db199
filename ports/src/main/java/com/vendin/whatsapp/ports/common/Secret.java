package com.vendin.whatsapp.ports.common;

import java.util.Objects;

/** A credential (token, app secret, instance secret) whose text never appears in {@code toString}, logs or API views. */
public record Secret(String value) {
    public Secret {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a secret must not be blank");
        }
    }

    /** The secret text; call only where it is really sent or stored encrypted. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "Secret[***]";
    }
}
