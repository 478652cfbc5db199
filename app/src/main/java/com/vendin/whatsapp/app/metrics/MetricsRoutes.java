package com.vendin.whatsapp.app.metrics;

import com.vendin.whatsapp.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Objects;

/** {@code GET /metrics} in the Prometheus text format, and a count of every webhook request by status. */
public final class MetricsRoutes implements RouteGroup {
    public static final String PATH = "/metrics";
    private static final String WEBHOOKS = "/webhooks/whatsapp/";
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final GatewayMetrics metrics;

    public MetricsRoutes(GatewayMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(PATH, ctx -> ctx.status(200).contentType(CONTENT_TYPE).result(metrics.scrape()));
        routes.after(WEBHOOKS + "*", this::countWebhook);
    }

    private void countWebhook(Context ctx) {
        if (!"POST".equals(ctx.req().getMethod())) {
            return;
        }
        String provider = ctx.path().substring(WEBHOOKS.length());
        int slash = provider.indexOf('/');
        metrics.webhookRequest(slash < 0 ? provider : provider.substring(0, slash), ctx.statusCode());
    }
}
