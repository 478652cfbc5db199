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
    private static final int MAX_THREADS = 32;
    private static final int MIN_THREADS = 4;
    private static final int THREAD_IDLE_MILLIS = 60_000;

    private final HttpConfig config;
    private final ObjectMapper mapper = GatewayJson.newMapper();
    private final ApiErrors errors = new ApiErrors(mapper);
    private final MetaWebhookRoutes metaWebhook;
    private final AdminRoutes admin;
    private final HealthRoutes health;
    private Javalin app;

    public GatewayHttpServer(HttpConfig config, ReceiveWebhook receiveWebhook, ManageTenants manageTenants,
                             BrowseMessages browseMessages, List<HealthCheck> healthChecks) {
        this(config, receiveWebhook, manageTenants, browseMessages, healthChecks, Clock.systemUTC());
    }

    public GatewayHttpServer(HttpConfig config, ReceiveWebhook receiveWebhook, ManageTenants manageTenants,
                             BrowseMessages browseMessages, List<HealthCheck> healthChecks, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.metaWebhook = new MetaWebhookRoutes(config.facebookAppSecret(), config.facebookVerifyToken(),
                config.maxWebhookBytes(), Objects.requireNonNull(receiveWebhook, "receiveWebhook"), mapper, errors,
                Objects.requireNonNull(clock, "clock"));
        this.admin = new AdminRoutes(config.adminToken(), Objects.requireNonNull(manageTenants, "manageTenants"),
                Objects.requireNonNull(browseMessages, "browseMessages"), mapper);
        this.health = new HealthRoutes(healthChecks, mapper);
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

    private void configure(JavalinConfig cfg) {
        cfg.jetty.port = config.port();
        cfg.jetty.threadPool = threadPool();
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        cfg.http.prefer405over404 = true;
        cfg.http.maxRequestSize = config.maxWebhookBytes();
        errors.install(cfg.routes);
        metaWebhook.register(cfg.routes);
        admin.register(cfg.routes);
        health.register(cfg.routes);
    }

    private static QueuedThreadPool threadPool() {
        QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, MIN_THREADS, THREAD_IDLE_MILLIS);
        pool.setName("gateway-http");
        return pool;
    }
}
