package com.vendin.whatsapp.ports.health;

/** One dependency the gateway needs (database, Redis), checked for {@code GET /health}. */
public interface HealthCheck {

    String name();

    /** Healthy or not, with a short detail; never throws. */
    Result check();

    /** The result of one check. */
    record Result(boolean healthy, String detail) {
        public static Result ok() {
            return new Result(true, "ok");
        }

        public static Result failing(String detail) {
            return new Result(false, detail);
        }
    }
}
