package com.vendin.whatsapp.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vendin.whatsapp.http.admin.AdminRoutes;
import com.vendin.whatsapp.http.common.ApiErrors;
import com.vendin.whatsapp.http.common.GatewayJson;
import com.vendin.whatsapp.http.health.HealthRoutes;
import com.vendin.whatsapp.http.webhook.MetaWebhookRoutes;
import com.vendin.whatsapp.ports.health.HealthCheck;
import com.vendin.whatsapp.ports.inbound.ReceiveWebhook;
import com.vendin.whatsapp.ports.query.BrowseMessages;
import com.vendin.whatsapp.ports.tenant.ManageTenants;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The gateway's HTTP server: Meta webhook, admin API and health on one Javalin app. */
public final class GatewayHttpServer {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayHttpServer.class);
    /**
     * Jetty's own default. A webhook's thread waits for the durable commit that holds it (group commit: many
     * webhooks share one), so the pool must exceed the connections that can be waiting at once; with 32 threads
     * (before issue 15) 64 busy keep-alive connections queued for a thread behind each commit, which showed as a
     * closed-loop p99 of 10 to 90 times the p50 and, on PostgreSQL, as connections given up. Threads that wait
     * cost a stack and no CPU; idle ones end after a minute.
     */
    static final int MAX_THREADS = 200;

    private static final int MIN_THREADS = 8;
    private static final int THREAD_IDLE_MILLIS = 60_000;

    private final HttpConfig config;
    private final ApiErrors errors;
    private final List<RouteGroup> groups;
    private Javalin app;

    /** A server for {@code groups}, whose rejections {@code errors} turns into responses. */
    public GatewayHttpServer(HttpConfig config, ApiErrors errors, List<RouteGroup> groups) {
        this.config = Objects.requireNonNull(config, "config");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.groups = List.copyOf(groups);
    }

    /** A server with the core routes only: Meta webhook, tenants and messages admin API, health. */
    public GatewayHttpServer(
            HttpConfig config,
            ReceiveWebhook receiveWebhook,
            ManageTenants manageTenants,
            BrowseMessages browseMessages,
            List<HealthCheck> healthChecks,
            Clock clock) {
        this(
                config,
                new ApiErrors(SHARED_MAPPER),
                coreGroups(config, SHARED_MAPPER, receiveWebhook, manageTenants, browseMessages, healthChecks, clock));
    }

    /** The mapper the core routes use; other route groups should share it. */
    public static final ObjectMapper SHARED_MAPPER = GatewayJson.newMapper();

    /** The core route groups: Meta webhook, tenants and messages admin API (with the bearer check), health. */
    public static List<RouteGroup> coreGroups(
            HttpConfig config,
            ObjectMapper mapper,
            ReceiveWebhook receiveWebhook,
            ManageTenants manageTenants,
            BrowseMessages browseMessages,
            List<HealthCheck> healthChecks,
            Clock clock) {
        ApiErrors errors = new ApiErrors(mapper);
        return List.of(
                new MetaWebhookRoutes(
                        config.facebookAppSecret(),
                        config.facebookVerifyToken(),
                        config.maxWebhookBytes(),
                        Objects.requireNonNull(receiveWebhook, "receiveWebhook"),
                        mapper,
                        errors,
                        Objects.requireNonNull(clock, "clock")),
                new AdminRoutes(
                        config.adminToken(),
                        Objects.requireNonNull(manageTenants, "manageTenants"),
                        Objects.requireNonNull(browseMessages, "browseMessages"),
                        mapper),
                new HealthRoutes(healthChecks, mapper));
    }

    /** Binds the port and starts serving; call once. */
    public synchronized void start() {
        if (app != null) {
            throw new IllegalStateException("the HTTP server is already started");
        }
        app = Javalin.create(this::configure).start();
        LOG.info("HTTP server listening on port {}", app.port());
    }

    /** Stops serving and releases the port. */
    public synchronized void stop() {
        if (app != null) {
            app.stop();
            app = null;
        }
    }

    /** The port actually bound (useful when configured with {@code 0}). */
    public synchronized int port() {
        if (app == null) {
            throw new IllegalStateException("the HTTP server is not started");
        }
        return app.port();
    }

    /** Every HTTP route served, as {@code "METHOD /path"} in registration order (filters excluded). */
    public synchronized List<String> routes() {
        if (app == null) {
            throw new IllegalStateException("the HTTP server is not started");
        }
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(e -> e.endpoint.method.isHttpMethod())
                .map(e -> e.endpoint.method + " " + e.endpoint.path)
                .toList();
    }

    private void configure(JavalinConfig cfg) {
        cfg.jetty.port = config.port();
        cfg.jetty.threadPool = threadPool();
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        cfg.http.prefer405over404 = true;
        cfg.http.maxRequestSize = config.maxWebhookBytes();
        errors.install(cfg.routes);
        for (RouteGroup group : groups) {
            group.register(cfg.routes);
        }
    }

    private static QueuedThreadPool threadPool() {
        QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, MIN_THREADS, THREAD_IDLE_MILLIS);
        pool.setName("gateway-http");
        return pool;
    }
}
