package com.vendin.whatsapp.app.worker;

import com.vendin.whatsapp.app.config.GatewayConfig;

/**
 * How many threads deliver messages to tenants, send replies through the providers and post statuses to tenants,
 * derived from what bounds them unless a variable sets them.
 *
 * <p>All three mostly wait on the network (a tenant's answer, Graph or Twilio, up to the 30 s timeout), and between
 * waits each needs the CPU (the gateway spends a few ms of CPU per message) and, to record the outcome, a pooled
 * database connection for one short transaction. So:
 *
 * <ul>
 *   <li><b>CPU</b>: {@value #PER_CORE} per core. A pool of threads that wait keeps the cores busy with cores x (1 +
 *       wait / compute) of them; a tenant that answers in ~40 ms against ~2.5 ms of CPU per message is a ratio of
 *       ~15. More threads than that only add context switches and contention when tenants are fast; when they are
 *       slow, the CPU is idle anyway and the database bound below decides.
 *   <li><b>Database</b>: {@value #PER_CONNECTION} per pooled connection. If every worker finishes at once, each waits
 *       behind at most {@value #PER_CONNECTION} - 1 short transactions for its connection (milliseconds, far below
 *       the pool's 10 s timeout), and the webhooks, which need connections to be acknowledged, are not starved. On
 *       SQLite (8 connections; writes take turns on one writer and are committed in groups) this also keeps the
 *       write queue short; on PostgreSQL (16 connections) writes run in parallel.
 * </ul>
 *
 * Delivery and send workers: the smaller of the two, within [{@value #MIN_WORKERS}, {@value #MAX_WORKERS}] (2 cores,
 * SQLite: min(32, 32) = 32; 8 cores, PostgreSQL: min(128, 64) = 64). Status workers: a quarter of that within [2,
 * 64]; a status post is rarer and lighter than a delivery. Tenants that answer slowly (seconds) are better served
 * by a larger {@code GATEWAY_DELIVERY_WORKERS}: the database bound assumes calls of tens of milliseconds.
 *
 * @param delivery    delivery workers ({@code GATEWAY_DELIVERY_WORKERS})
 * @param send        send workers ({@code GATEWAY_SEND_WORKERS})
 * @param status      status workers ({@code GATEWAY_STATUS_WORKERS})
 * @param cores       the processors the JVM may use
 * @param connections the database pool's connections
 */
public record WorkerSizes(int delivery, int send, int status, int cores, int connections) {
    static final int PER_CORE = 16;
    static final int PER_CONNECTION = 4;
    static final int MIN_WORKERS = 8;
    static final int MAX_WORKERS = 256;

    public WorkerSizes {
        if (delivery < 2 || send < 1 || status < 1) {
            throw new IllegalArgumentException(
                    "workers: delivery >= 2, send >= 1, status >= 1: " + delivery + ", " + send + ", " + status);
        }
    }

    /** The sizes for {@code cores} processors and a pool of {@code connections}, each override taking precedence. */
    public static WorkerSizes derive(int cores, int connections, GatewayConfig.Workers overrides) {
        int derived = clamp(Math.min(PER_CORE * cores, PER_CONNECTION * connections), MIN_WORKERS, MAX_WORKERS);
        int statusDerived = clamp(derived / 4, 2, 64);
        return new WorkerSizes(
                overrides.delivery().orElse(derived),
                overrides.send().orElse(derived),
                overrides.status().orElse(statusDerived),
                cores,
                connections);
    }

    /** For the start-up log. */
    public String describe(GatewayConfig.Workers overrides) {
        return "delivery " + delivery + source(overrides.delivery().isPresent(), "GATEWAY_DELIVERY_WORKERS")
                + ", send " + send + source(overrides.send().isPresent(), "GATEWAY_SEND_WORKERS")
                + ", status " + status + source(overrides.status().isPresent(), "GATEWAY_STATUS_WORKERS")
                + " (derived from " + cores + " cores and " + connections + " database connections: min("
                + PER_CORE + " x cores, " + PER_CONNECTION + " x connections))";
    }

    private static String source(boolean overridden, String variable) {
        return overridden ? " (" + variable + ")" : "";
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
