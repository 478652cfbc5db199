package com.vendin.whatsapp.tenant;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** Typed reads of the fields of a parsed JSON object (package-private helper). */
final class Fields {
    private final Map<String, Object> object;

    private Fields(Map<String, Object> object) {
        this.object = object;
    }

    static Fields of(Map<String, Object> object) {
        return new Fields(object);
    }

    static Fields parse(byte[] body) {
        return new Fields(Json.parseObject(new String(body, StandardCharsets.UTF_8)));
    }

    Map<String, Object> map() {
        return object;
    }

    /** The string field, empty when it is absent, null or not a string. */
    Optional<String> text(String name) {
        return object.get(name) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    /** The string field, or "" when absent. */
    String textOrEmpty(String name) {
        return text(name).orElse("");
    }

    /** The string field, which must be there. */
    String required(String name) {
        return text(name).orElseThrow(() -> new IllegalArgumentException("field \"" + name + "\" is missing"));
    }

    Optional<BigDecimal> number(String name) {
        return object.get(name) instanceof BigDecimal n ? Optional.of(n) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    Optional<Map<String, Object>> object(String name) {
        return object.get(name) instanceof Map<?, ?> m ? Optional.of((Map<String, Object>) m) : Optional.empty();
    }
}
